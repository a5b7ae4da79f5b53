package org.sekisho.passenger.edifact;

import java.util.List;

/**
 * One data element of a segment: one or more repetitions, each a list of components (a simple data
 * element is a single component). Release characters are already removed. Never null; missing
 * components read as empty strings.
 */
public record DataElement(List<List<String>> repetitions) {
  static final DataElement EMPTY = new DataElement(List.of(List.of("")));

  public DataElement {
    if (repetitions.isEmpty()) {
      repetitions = List.of(List.of(""));
    } else if (repetitions.size() == 1) {
      repetitions = List.of(List.copyOf(repetitions.get(0)));
    } else {
      List<List<String>> copy = new java.util.ArrayList<>(repetitions.size());
      for (List<String> r : repetitions) {
        copy.add(List.copyOf(r));
      }
      repetitions = List.copyOf(copy);
    }
  }

  /** The components of the first repetition. */
  public List<String> components() {
    return repetitions.get(0);
  }

  /** Component {@code index} (0-based) of the first repetition, or "" when absent. */
  public String component(int index) {
    List<String> c = components();
    return index >= 0 && index < c.size() ? c.get(index) : "";
  }

  /** Whether every component of every repetition is empty. */
  public boolean isEmpty() {
    return repetitions.stream().allMatch(r -> r.stream().allMatch(String::isEmpty));
  }

  /** The components joined back with {@code :}, for display. */
  public String text() {
    return String.join(":", components());
  }
}
