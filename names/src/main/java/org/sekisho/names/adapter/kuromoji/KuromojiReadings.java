package org.sekisho.names.adapter.kuromoji;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.sekisho.names.domain.NameNormaliser;
import org.sekisho.names.domain.Readings;

/**
 * Japanese readings from Lucene's Kuromoji morphological analyser and the IPADIC dictionary it
 * embeds (Apache 2.0): 山田太郎 → ヤマダ (surname) タロウ (given name), 清水商事 → シミズショウジ (organisation).
 *
 * <p>The dictionary is loaded once per JVM by Lucene (it is large: the first call takes about a
 * second); tokenizers are not thread-safe, so each call borrows one from a pool. Readings are a
 * pure function of the text and are memoised (bounded: the memo is emptied when it grows past its
 * size), so a name seen again costs a map look-up. Thread-safe.
 */
public final class KuromojiReadings implements Readings {

  private static final int MEMO_SIZE = 100_000;

  private static final class Holder {
    static final KuromojiReadings SHARED = new KuromojiReadings();
  }

  // a pool rather than a ThreadLocal: servers run requests on virtual threads, each of which would
  // build a tokenizer of its own
  private final Queue<Tokenizer> idle = new ConcurrentLinkedQueue<>();
  private final Map<String, List<Word>> memo = new ConcurrentHashMap<>();

  /** Prefer {@link #shared()}: every instance keeps its own memo. */
  public KuromojiReadings() {}

  /** One instance for the JVM, created on first use. */
  public static KuromojiReadings shared() {
    return Holder.SHARED;
  }

  /** A name normaliser that reads kanji names with this dictionary. */
  public static NameNormaliser normaliser() {
    return new NameNormaliser(shared());
  }

  @Override
  public List<Word> words(String text) {
    List<Word> known = memo.get(text);
    if (known != null) {
      return known;
    }
    Tokenizer t = idle.poll();
    if (t == null) {
      t = new Tokenizer();
    }
    List<Word> words;
    try {
      words = t.words(text);
    } finally {
      idle.offer(t);
    }
    if (memo.size() >= MEMO_SIZE) {
      memo.clear();
    }
    memo.put(text, words);
    return words;
  }

  private static final class Tokenizer {
    // no user dictionary, punctuation and spaces dropped, NORMAL mode: compounds such as
    // 清水商事 stay one word, as the dictionary lists them
    private final JapaneseTokenizer tokenizer =
        new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL);
    private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
    private final ReadingAttribute reading = tokenizer.addAttribute(ReadingAttribute.class);
    private final PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);

    List<Word> words(String text) {
      List<Word> out = new ArrayList<>(4);
      try {
        tokenizer.setReader(new StringReader(text));
        tokenizer.reset();
        while (tokenizer.incrementToken()) {
          out.add(new Word(term.toString(), reading.getReading(), kind(pos.getPartOfSpeech())));
        }
        tokenizer.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a StringReader does not fail
      } finally {
        try {
          tokenizer.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return List.copyOf(out);
    }

    private static Kind kind(String partOfSpeech) {
      if (partOfSpeech == null) {
        return Kind.OTHER;
      }
      if (partOfSpeech.startsWith("名詞-固有名詞-人名-姓")) {
        return Kind.SURNAME;
      }
      if (partOfSpeech.startsWith("名詞-固有名詞-人名-名")) {
        return Kind.GIVEN_NAME;
      }
      if (partOfSpeech.startsWith("名詞-固有名詞-人名")) {
        return Kind.PERSON;
      }
      if (partOfSpeech.startsWith("名詞-固有名詞-組織")) {
        return Kind.ORGANISATION;
      }
      if (partOfSpeech.startsWith("名詞-固有名詞-地域")) {
        return Kind.PLACE;
      }
      return Kind.OTHER;
    }
  }
}
