package org.sekisho.passenger.egate.domain.chip;

import java.util.List;
import org.sekisho.passenger.egate.domain.mrz.MachineReadableZone;

/**
 * A chip that passed passive authentication: the SOD signature verifies to a trusted CSCA and every
 * data group read matches its signed hash.
 *
 * @param mrz the MRZ stored in DG1, read by the same parser as the printed one
 * @param face the face image stored in DG2 (often JPEG or JPEG 2000)
 * @param faceMimeType the image's MIME type as declared in DG2
 * @param documentSigner subject of the document signer certificate
 * @param csca subject of the CSCA it chains to
 * @param verifiedDataGroups numbers of the data groups whose hashes were checked
 * @param ldsVersion the LDS version in EF.COM, empty when unknown
 */
public record ChipReading(
    MachineReadableZone mrz,
    byte[] face,
    String faceMimeType,
    String documentSigner,
    String csca,
    List<Integer> verifiedDataGroups,
    String ldsVersion) {
  public ChipReading {
    face = face == null ? new byte[0] : face.clone();
    verifiedDataGroups = List.copyOf(verifiedDataGroups);
  }

  @Override
  public byte[] face() {
    return face.clone();
  }
}
