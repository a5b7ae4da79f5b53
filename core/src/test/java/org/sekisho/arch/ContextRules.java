package org.sekisho.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * Architecture rules every bounded context applies to itself (shipped in core's test jar). Rules
 * fail when they match no classes, so a renamed package cannot silently switch a rule off.
 */
public final class ContextRules {
  private ContextRules() {}

  /** Frameworks, SQL and HTTP that a {@code domain} package must not see. */
  public static final String[] FRAMEWORK_PACKAGES = {
    "io.javalin..",
    "org.jdbi..",
    "java.sql..",
    "javax.sql..",
    "org.postgresql..",
    "org.flywaydb..",
    "jakarta.servlet..",
    "org.eclipse.jetty..",
    "gg.jte..",
    "picocli..",
    "io.micrometer..",
    "com.fasterxml.jackson..",
    "org.slf4j.."
  };

  /** The domain of {@code context} depends on no framework, database or HTTP library. */
  public static ArchRule domainIsPlainJava(String context) {
    return noClasses()
        .that()
        .resideInAPackage("org.sekisho." + context + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORK_PACKAGES)
        .allowEmptyShould(false);
  }

  /** The domain does not reach up into the application or adapter layers. */
  public static ArchRule domainDoesNotDependOnOuterLayers(String context) {
    return noClasses()
        .that()
        .resideInAPackage("org.sekisho." + context + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sekisho." + context + ".application..", "org.sekisho." + context + ".adapter..")
        .allowEmptyShould(false);
  }

  /** Use cases do not depend on adapters (adapters depend on use cases, not the reverse). */
  public static ArchRule applicationDoesNotDependOnAdapters(String context) {
    return noClasses()
        .that()
        .resideInAPackage("org.sekisho." + context + ".application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.sekisho." + context + ".adapter..")
        .allowEmptyShould(false);
  }

  /** No cycles between the top-level packages of all Sekisho contexts on the class path. */
  public static ArchRule noCyclesBetweenContexts() {
    return SlicesRuleDefinition.slices()
        .matching("org.sekisho.(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(false);
  }
}
