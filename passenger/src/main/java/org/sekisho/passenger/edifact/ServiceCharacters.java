package org.sekisho.passenger.edifact;

/**
 * The six service characters of an interchange, from its UNA service string advice or the ISO 9735
 * defaults ({@code :+.? '}).
 *
 * @param component component data element separator
 * @param element data element separator
 * @param decimal decimal mark
 * @param release release (escape) character
 * @param repetition repetition separator; a space means "not used"
 * @param segment segment terminator
 */
public record ServiceCharacters(
    char component, char element, char decimal, char release, char repetition, char segment) {

  /** The defaults that apply when an interchange has no UNA. */
  public static final ServiceCharacters DEFAULT =
      new ServiceCharacters(':', '+', '.', '?', ' ', '\'');

  /** Whether {@code c} separates repetitions in this interchange. */
  public boolean isRepetition(char c) {
    return repetition != ' ' && c == repetition;
  }

  /** Whether {@code c} is one of the characters with a syntactic meaning. */
  public boolean isService(char c) {
    return c == component || c == element || c == release || c == segment || isRepetition(c);
  }

  /** The UNA string these characters would be announced with. */
  public String asUna() {
    return "UNA" + component + element + decimal + release + repetition + segment;
  }
}
