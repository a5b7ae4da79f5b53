package org.sekisho.targeting.criteria.domain;

/**
 * What earlier assessments and inspection outcomes say about the declarant and the importer, as
 * counted before this declaration.
 */
public record TraderHistory(
    long declarantDeclarations,
    long declarantInfractions,
    long importerDeclarations,
    long importerInfractions) {
  public static final TraderHistory NONE = new TraderHistory(0, 0, 0, 0);

  /** Infractions per 100 declarations of the importer; 0 for a first declaration. */
  public double importerInfractionRate() {
    return importerDeclarations == 0 ? 0 : 100.0 * importerInfractions / importerDeclarations;
  }
}
