package org.sekisho.passenger.egate.domain.chip;

import java.util.Map;
import java.util.TreeMap;

/**
 * The files read from a passport chip, exactly as read (each with its outer LDS tag).
 *
 * @param com EF.COM, listing the data groups present; may be empty when not read
 * @param dataGroups data-group number (1 = MRZ, 2 = face...) to file bytes
 * @param sod EF.SOD, the document security object signed by the document signer
 */
public record ChipFiles(byte[] com, Map<Integer, byte[]> dataGroups, byte[] sod) {
  public ChipFiles {
    com = com == null ? new byte[0] : com.clone();
    sod = sod == null ? new byte[0] : sod.clone();
    Map<Integer, byte[]> copy = new TreeMap<>();
    if (dataGroups != null) {
      dataGroups.forEach((k, v) -> copy.put(k, v.clone()));
    }
    dataGroups = java.util.Collections.unmodifiableMap(copy);
  }

  @Override
  public byte[] com() {
    return com.clone();
  }

  @Override
  public byte[] sod() {
    return sod.clone();
  }

  /** A copy of one data group; empty array when it was not read. */
  public byte[] dataGroup(int number) {
    byte[] b = dataGroups.get(number);
    return b == null ? new byte[0] : b.clone();
  }

  /** The same files with one data group replaced (tests and tamper drills). */
  public ChipFiles withDataGroup(int number, byte[] bytes) {
    Map<Integer, byte[]> copy = new TreeMap<>(dataGroups);
    copy.put(number, bytes);
    return new ChipFiles(com, copy, sod);
  }

  /**
   * Overwrites every file's bytes with zeros (the portrait in DG2 included) once the gate has
   * decided: face images are not kept after the decision.
   */
  public void erase() {
    java.util.Arrays.fill(com, (byte) 0);
    java.util.Arrays.fill(sod, (byte) 0);
    dataGroups.values().forEach(b -> java.util.Arrays.fill(b, (byte) 0));
  }
}
