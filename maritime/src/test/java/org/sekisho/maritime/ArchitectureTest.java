package org.sekisho.maritime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.arch.ContextRules;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ArchitectureTest {
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sekisho.maritime");

  @Test
  void theDomainUsesNoFramework() {
    ContextRules.domainIsPlainJava("maritime").check(CLASSES);
  }

  @Test
  void theDomainDoesNotReachIntoUseCasesOrAdapters() {
    ContextRules.domainDoesNotDependOnOuterLayers("maritime").check(CLASSES);
  }

  @Test
  void useCasesDoNotDependOnAdapters() {
    ContextRules.applicationDoesNotDependOnAdapters("maritime").check(CLASSES);
  }
}
