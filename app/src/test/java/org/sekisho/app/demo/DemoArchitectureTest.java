package org.sekisho.app.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DemoArchitectureTest {
  private final JavaClasses demo =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sekisho.app.demo");

  @Test
  void onlyTheCommandKnowsPicocli() {
    noClasses()
        .that()
        .doNotHaveSimpleName("GenerateCommand")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .allowEmptyShould(false)
        .check(demo);
  }

  @Test
  void theGeneratorDependsOnNoDatabaseOrServer() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "io.javalin..", "org.jdbi..", "org.sekisho.platform..")
        .allowEmptyShould(false)
        .check(demo);
  }
}
