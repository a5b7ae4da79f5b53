package org.sekisho.passenger.edifact;

import java.util.List;

/**
 * One segment: its tag, its data elements (tag excluded, release characters removed), where it
 * starts and its raw text as it appeared (terminator included).
 */
public record Segment(String tag, List<DataElement> elements, Position position, String raw) {
  public Segment {
    elements = List.copyOf(elements);
  }

  /** Data element {@code index} (1-based, as in the standards' segment tables), or an empty one. */
  public DataElement element(int index) {
    return index >= 1 && index <= elements.size() ? elements.get(index - 1) : DataElement.EMPTY;
  }

  /** Component {@code component} (0-based) of data element {@code element} (1-based). */
  public String value(int element, int component) {
    return element(element).component(component);
  }

  /** The first component of data element {@code element} (1-based). */
  public String value(int element) {
    return value(element, 0);
  }

  /** Number of data elements present. */
  public int size() {
    return elements.size();
  }

  /** Whether the segment carries no data at all. */
  public boolean isBlank() {
    return elements.stream().allMatch(DataElement::isEmpty);
  }

  @Override
  public String toString() {
    return raw;
  }
}
