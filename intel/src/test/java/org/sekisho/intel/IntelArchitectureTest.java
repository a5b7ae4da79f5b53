package org.sekisho.intel;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.arch.ContextRules;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IntelArchitectureTest {
  private static final JavaClasses INTEL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sekisho.intel");

  @Test
  void theDomainUsesNoFrameworkDatabaseOrHttp() {
    ContextRules.domainIsPlainJava("intel").check(INTEL);
  }

  @Test
  void theDomainDoesNotReachIntoUseCasesOrAdapters() {
    ContextRules.domainDoesNotDependOnOuterLayers("intel").check(INTEL);
  }

  @Test
  void useCasesDoNotDependOnAdapters() {
    ContextRules.applicationDoesNotDependOnAdapters("intel").check(INTEL);
  }
}
