package org.sekisho.passenger.pnr;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.arch.ContextRules;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PnrArchitectureTest {
  private static final String CONTEXT = "passenger.pnr";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sekisho.passenger.pnr", "org.sekisho.passenger.edifact");

  @Test
  void thePnrDomainIsPlainJava() {
    ContextRules.domainIsPlainJava(CONTEXT).check(CLASSES);
  }

  @Test
  void thePnrDomainDoesNotReachIntoOuterLayers() {
    ContextRules.domainDoesNotDependOnOuterLayers(CONTEXT).check(CLASSES);
  }

  @Test
  void theEdifactSyntaxLayerUsesNoFramework() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .that()
        .resideInAPackage("org.sekisho.passenger.edifact..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ContextRules.FRAMEWORK_PACKAGES)
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("org.sekisho.passenger.pnr..")
        .allowEmptyShould(false)
        .check(CLASSES);
  }
}
