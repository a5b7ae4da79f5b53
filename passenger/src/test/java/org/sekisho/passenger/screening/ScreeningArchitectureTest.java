package org.sekisho.passenger.screening;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.arch.ContextRules;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScreeningArchitectureTest {
  private static final String CONTEXT = "passenger.screening";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sekisho.passenger.screening");

  @Test
  void theScreeningDomainIsPlainJava() {
    ContextRules.domainIsPlainJava(CONTEXT).check(CLASSES);
  }

  @Test
  void theScreeningDomainDoesNotReachIntoOuterLayers() {
    ContextRules.domainDoesNotDependOnOuterLayers(CONTEXT).check(CLASSES);
  }

  @Test
  void screeningUseCasesDoNotDependOnItsAdapters() {
    ContextRules.applicationDoesNotDependOnAdapters(CONTEXT).check(CLASSES);
  }
}
