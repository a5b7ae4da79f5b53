package org.sekisho.passenger.edifact;

/**
 * Where a segment starts in the text of an interchange.
 *
 * @param segment ordinal of the segment in the interchange, 1-based (UNA not counted)
 * @param line line number, 1-based
 * @param column column, 1-based
 * @param offset character offset from the start of the text, 0-based
 */
public record Position(int segment, int line, int column, int offset) {

  /** A position for problems that concern the text as a whole. */
  public static final Position START = new Position(0, 1, 1, 0);

  @Override
  public String toString() {
    return segment == 0
        ? "line " + line + ", column " + column
        : "segment " + segment + " (line " + line + ", column " + column + ")";
  }
}
