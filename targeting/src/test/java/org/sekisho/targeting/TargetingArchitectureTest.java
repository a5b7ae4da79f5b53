package org.sekisho.targeting;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.arch.ContextRules;

/** Layering of criteria, selectivity, assessment and worklist. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TargetingArchitectureTest {
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sekisho.targeting");

  @Test
  void criteriaSelectivityAndAssessmentDomainsArePlainJava() {
    for (String c : new String[] {"criteria", "selectivity", "assessment"}) {
      ContextRules.domainIsPlainJava("targeting." + c).check(CLASSES);
      ContextRules.domainDoesNotDependOnOuterLayers("targeting." + c).check(CLASSES);
    }
  }

  @Test
  void useCasesDoNotDependOnAdapters() {
    for (String c : new String[] {"criteria", "assessment"}) {
      ContextRules.applicationDoesNotDependOnAdapters("targeting." + c).check(CLASSES);
    }
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .that()
        .resideInAnyPackage(
            "org.sekisho.targeting.criteria.application..",
            "org.sekisho.targeting.assessment.application..",
            "org.sekisho.targeting.worklist.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sekisho.targeting.adapter..", "io.javalin..", "org.jdbi..")
        .check(CLASSES);
  }
}
