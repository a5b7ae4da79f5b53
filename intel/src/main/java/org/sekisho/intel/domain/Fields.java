package org.sekisho.intel.domain;

import java.util.List;
import org.sekisho.core.Problem;

/**
 * One source row or object, as the format adapters (CSV, JSON) present it to {@link RecordReader}.
 * Names are dotted paths such as {@code importer.name}; absent values are empty, never null.
 */
public interface Fields {
  /** The text at {@code path}, stripped; empty when absent or null. */
  String text(String path);

  /** Nested objects at {@code path} (declaration items, seizure persons). */
  List<Fields> list(String path);

  /**
   * A list of plain strings at {@code path} (containers, route); CSV writes them separated by ';'.
   */
  List<String> strings(String path);

  /**
   * The object at {@code name} (a party such as {@code importer}) as fields of its own, read with
   * paths relative to it; absent values are empty as everywhere. By default the same fields read
   * with {@code name + "."} in front of each path; adapters with nested objects return the object
   * itself, which saves building and looking up the dotted path for each field.
   */
  default Fields object(String name) {
    return new Prefixed(this, name + ".");
  }

  /**
   * What was found wrong with the shape of the values read so far (an object or a list where text
   * belongs, text where an object belongs), each naming its full field path and the expected form.
   * Such a value reads as absent; a row with any of these problems is refused. Formats whose values
   * are all text (CSV) have none.
   */
  default List<Problem> problems() {
    return List.of();
  }

  /**
   * The name the source itself gives the field at {@code path}, for problems: the path itself,
   * except in formats with columns of their own (a KCS file's {@code Declaration ID}).
   */
  default String sourceName(String path) {
    return path;
  }

  /**
   * The names this object gives, as the source writes them, for refusing a name the format does not
   * define ({@link org.sekisho.core.RecordFormat#unknownFields}). Empty where the names are checked
   * elsewhere (a CSV's header, once for the file) or fixed (a KCS file's columns).
   */
  default java.util.Collection<String> names() {
    return List.of();
  }

  /** A view of {@code prefix*} fields as if they were top-level. */
  record Prefixed(Fields inner, String prefix) implements Fields {
    @Override
    public String text(String path) {
      return inner.text(prefix + path);
    }

    @Override
    public List<Fields> list(String path) {
      return inner.list(prefix + path);
    }

    @Override
    public List<String> strings(String path) {
      return inner.strings(prefix + path);
    }

    @Override
    public List<Problem> problems() {
      return inner.problems();
    }

    @Override
    public String sourceName(String path) {
      return inner.sourceName(path);
    }

    @Override
    public java.util.Collection<String> names() {
      // the first part of each inner name under the prefix (importer.name gives name)
      java.util.Set<String> out = new java.util.LinkedHashSet<>();
      for (String n : inner.names()) {
        if (n.startsWith(prefix) && n.length() > prefix.length()) {
          String rest = n.substring(prefix.length());
          int dot = rest.indexOf('.');
          out.add(dot < 0 ? rest : rest.substring(0, dot));
        }
      }
      return out;
    }
  }
}
