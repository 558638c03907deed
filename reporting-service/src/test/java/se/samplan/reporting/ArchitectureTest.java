package se.samplan.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import se.samplan.reporting.intake.Projection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "se.samplan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses().that().resideInAPackage("se.samplan.reporting..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "se.samplan.plan..", "se.samplan.activity..", "se.samplan.notification..",
                    "se.samplan.gateway..", "se.samplan.localstack..")
            .because("services share only the event contracts");

    @ArchTest
    static final ArchRule projectionsArePackagePrivate = classes().that().implement(Projection.class)
            .should().notBePublic()
            .because("projections are fed by the intake, never called");

    @ArchTest
    static final ArchRule eventsAreContractsNotServiceClasses = noClasses().that().resideInAPackage("se.samplan.events..")
            .should().dependOnClassesThat().resideInAPackage("se.samplan.reporting..");

}
