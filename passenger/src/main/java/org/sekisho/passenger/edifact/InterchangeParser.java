package org.sekisho.passenger.edifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sekisho.core.Outcome;

/**
 * Reads the interchange envelope: UNA, UNB ... UNZ, optional UNG ... UNE groups, and UNH ... UNT
 * messages. Control counts and references that do not match become warnings; a message without UNT
 * is closed at the next UNH or at the end. The interchange is rejected only when it holds no
 * message at all (blank text, no UNH). Never throws. Stateless and thread-safe.
 */
public final class InterchangeParser {
  private final SegmentReader reader = new SegmentReader();

  /** Parses {@code text}. */
  public Outcome<Interchange> parse(String text) {
    if (text == null || text.isBlank()) {
      return Outcome.rejected("empty-interchange", "", "the text is empty; expected UNB ... UNZ");
    }
    SegmentReader.Result read = reader.read(text);
    List<Warning> warnings = new ArrayList<>(read.warnings());
    InterchangeHeader header = null;
    Segment unb = null;
    List<EdifactMessage> messages = new ArrayList<>();
    Segment unh = null;
    List<Segment> body = new ArrayList<>();
    boolean closed = false;
    int groups = 0;
    for (Segment s : read.segments()) {
      if (closed) {
        warnings.add(Warning.at(s, "after-unz", "segment " + s.tag() + " after UNZ; ignored"));
        continue;
      }
      switch (s.tag()) {
        case "UNB" -> {
          if (unb != null || unh != null || !messages.isEmpty()) {
            warnings.add(
                Warning.at(s, "unexpected-unb", "second UNB inside an interchange; ignored"));
          } else {
            unb = s;
            header = InterchangeHeader.of(s);
          }
        }
        case "UNG" -> groups++;
        case "UNE" -> {
          if (unh != null) {
            warnings.add(Warning.at(s, "missing-unt", "UNE before the UNT of message " + ref(unh)));
            messages.add(message(unh, body));
            unh = null;
            body = new ArrayList<>();
          }
        }
        case "UNH" -> {
          if (unh != null) {
            warnings.add(
                Warning.at(
                    s,
                    "missing-unt",
                    "message " + ref(unh) + " not closed by UNT before next UNH"));
            messages.add(message(unh, body));
          }
          unh = s;
          body = new ArrayList<>();
        }
        case "UNT" -> {
          if (unh == null) {
            warnings.add(Warning.at(s, "unexpected-unt", "UNT without UNH; ignored"));
          } else {
            checkTrailer(unh, body, s, warnings);
            messages.add(message(unh, body));
            unh = null;
            body = new ArrayList<>();
          }
        }
        case "UNZ" -> {
          if (unh != null) {
            warnings.add(
                Warning.at(s, "missing-unt", "message " + ref(unh) + " not closed by UNT"));
            messages.add(message(unh, body));
            unh = null;
            body = new ArrayList<>();
          }
          checkInterchangeTrailer(s, header, messages.size(), groups, warnings);
          closed = true;
        }
        default -> {
          if (unh == null) {
            warnings.add(
                Warning.at(
                    s, "outside-message", "segment " + s.tag() + " outside UNH ... UNT; ignored"));
          } else {
            body.add(s);
          }
        }
      }
    }
    if (unh != null) {
      warnings.add(
          new Warning(
              "missing-unt",
              unh.position(),
              "UNH",
              "message " + ref(unh) + " not closed by UNT before the end of the text"));
      messages.add(message(unh, body));
    }
    if (unb == null && !read.segments().isEmpty()) {
      warnings.add(
          new Warning(
              "missing-unb",
              read.segments().get(0).position(),
              "",
              "interchange has no UNB header"));
    }
    if (!closed && !read.segments().isEmpty()) {
      Segment last = read.segments().get(read.segments().size() - 1);
      warnings.add(
          new Warning("missing-unz", last.position(), last.tag(), "interchange not closed by UNZ"));
    }
    if (messages.isEmpty()) {
      return Outcome.rejected(
          "no-message",
          "UNH",
          "no message found: expected a UNH segment (e.g. UNH+1+PAXLST:D:05B:UN:IATA')"
              + (read.segments().isEmpty() ? "; no segment could be read at all" : ""));
    }
    return Outcome.accepted(
        new Interchange(read.serviceCharacters(), Optional.ofNullable(header), messages, warnings));
  }

  private static String ref(Segment unh) {
    return "'" + unh.value(1) + "'";
  }

  private static EdifactMessage message(Segment unh, List<Segment> body) {
    DataElement id = unh.element(2);
    return new EdifactMessage(
        unh.value(1),
        id.component(0).strip(),
        id.component(1).strip(),
        id.component(2).strip(),
        id.component(3).strip(),
        id.component(4).strip(),
        unh.value(3),
        unh,
        body);
  }

  private static void checkTrailer(
      Segment unh, List<Segment> body, Segment unt, List<Warning> warnings) {
    String count = unt.value(1).strip();
    int actual = body.size() + 2;
    if (!count.equals(Integer.toString(actual))) {
      Integer declared = parseCount(count);
      if (declared == null || declared != actual) {
        warnings.add(
            Warning.at(
                unt,
                "segment-count",
                "UNT says '"
                    + count
                    + "' segments, the message has "
                    + actual
                    + " (UNH and UNT included)"));
      }
    }
    String ref = unt.value(2).strip();
    if (!ref.isEmpty() && !ref.equals(unh.value(1).strip())) {
      warnings.add(
          Warning.at(
              unt,
              "reference-mismatch",
              "UNT reference '" + ref + "' differs from UNH reference '" + unh.value(1) + "'"));
    }
  }

  private static void checkInterchangeTrailer(
      Segment unz, InterchangeHeader header, int messages, int groups, List<Warning> warnings) {
    Integer declared = parseCount(unz.value(1).strip());
    if (declared == null || (declared != messages && declared != groups)) {
      warnings.add(
          Warning.at(
              unz,
              "message-count",
              "UNZ says '" + unz.value(1) + "' messages, the interchange has " + messages));
    }
    String ref = unz.value(2).strip();
    if (header != null && !ref.equals(header.controlReference().strip())) {
      warnings.add(
          Warning.at(
              unz,
              "reference-mismatch",
              "UNZ control reference '"
                  + ref
                  + "' differs from UNB control reference '"
                  + header.controlReference()
                  + "'"));
    }
  }

  private static Integer parseCount(String s) {
    if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.parseInt(s);
  }
}
