package org.sekisho.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.arch.ContextRules;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CoreArchitectureTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sekisho.core");

  @Test
  void theSharedKernelUsesNoFramework() {
    noClasses()
        .that()
        .resideInAPackage("org.sekisho.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ContextRules.FRAMEWORK_PACKAGES)
        .allowEmptyShould(false)
        .check(CORE);
  }

  @Test
  void theSharedKernelKnowsNoContext() {
    noClasses()
        .that()
        .resideInAPackage("org.sekisho.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sekisho.platform..",
            "org.sekisho.intel..",
            "org.sekisho.targeting..",
            "org.sekisho.passenger..",
            "org.sekisho.maritime..",
            "org.sekisho.app..")
        .allowEmptyShould(false)
        .check(CORE);
  }
}
