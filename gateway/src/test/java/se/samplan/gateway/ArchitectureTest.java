package se.samplan.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "se.samplan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses().that().resideInAPackage("se.samplan.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "se.samplan.plan..", "se.samplan.activity..", "se.samplan.reporting..", "se.samplan.notification..",
                    "se.samplan.events..", "se.samplan.localstack..")
            .because("the gateway routes; it knows no service's code, nor the events");
}
