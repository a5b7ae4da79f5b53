package org.sekisho.names;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.arch.ContextRules;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NamesArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sekisho.names");

  @Test
  void the_domain_is_plain_java() {
    ContextRules.domainIsPlainJava("names").check(CLASSES);
  }

  @Test
  void the_domain_does_not_reach_into_outer_layers() {
    ContextRules.domainDoesNotDependOnOuterLayers("names").check(CLASSES);
  }

  @Test
  void use_cases_do_not_depend_on_adapters() {
    ContextRules.applicationDoesNotDependOnAdapters("names").check(CLASSES);
  }
}
