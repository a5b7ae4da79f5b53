package org.sekisho.passenger.egate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.arch.ContextRules;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EgateArchitectureTest {
  private static final String CONTEXT = "passenger.egate";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sekisho." + CONTEXT);

  @Test
  void theEgateDomainIsPlainJava() {
    ContextRules.domainIsPlainJava(CONTEXT).check(CLASSES);
  }

  @Test
  void theEgateDomainDoesNotReachIntoOuterLayers() {
    ContextRules.domainDoesNotDependOnOuterLayers(CONTEXT).check(CLASSES);
  }

  @Test
  void theEgateUseCasesDoNotDependOnAdapters() {
    ContextRules.applicationDoesNotDependOnAdapters(CONTEXT).check(CLASSES);
  }
}
