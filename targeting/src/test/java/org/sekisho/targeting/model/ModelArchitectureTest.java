package org.sekisho.targeting.model;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sekisho.arch.ContextRules;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModelArchitectureTest {
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sekisho.targeting");

  @Test
  void theModelDomainIsPlainJava() {
    ContextRules.domainIsPlainJava("targeting.model").check(CLASSES);
  }

  @Test
  void theModelDomainDoesNotReachIntoUseCasesOrAdapters() {
    ContextRules.domainDoesNotDependOnOuterLayers("targeting.model").check(CLASSES);
  }

  @Test
  void useCasesDoNotDependOnAdapters() {
    ContextRules.applicationDoesNotDependOnAdapters("targeting.model").check(CLASSES);
  }

  @Test
  void onlyTheXgboostAdapterAndTheCliTouchXgboost() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.sekisho.targeting.model.adapter.xgboost..", "org.sekisho.targeting.adapter.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("ml.dmlc..")
        .check(CLASSES);
  }
}
