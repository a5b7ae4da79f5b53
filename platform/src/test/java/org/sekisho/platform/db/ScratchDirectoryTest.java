package org.sekisho.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDirectoryTest {
  @Test
  void closingDeletesTheDirectoryWithNestedFiles() throws Exception {
    Path dir;
    try (ScratchDirectory scratch = ScratchDirectory.create("sekisho-scratch-test")) {
      dir = scratch.path();
      assertThat(dir).isEmptyDirectory();
      Files.createDirectories(dir.resolve("pg/base/1"));
      Files.writeString(dir.resolve("pg/base/1/16384"), "rows");
      Files.writeString(dir.resolve("declarations.jsonl"), "{}\n");
    }
    assertThat(dir).doesNotExist();
  }

  @Test
  void closingTwiceOrAfterTheDirectoryIsGoneIsHarmless() throws Exception {
    ScratchDirectory scratch = ScratchDirectory.create("sekisho-scratch-test");
    Files.delete(scratch.path());
    scratch.close();
    scratch.close();
    assertThat(scratch.path()).doesNotExist();
  }
}
