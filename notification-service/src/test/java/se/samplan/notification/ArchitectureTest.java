package se.samplan.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import se.samplan.notification.intake.EventReaction;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "se.samplan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses().that().resideInAPackage("se.samplan.notification..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "se.samplan.plan..", "se.samplan.activity..", "se.samplan.reporting..",
                    "se.samplan.gateway..", "se.samplan.localstack..")
            .because("services share only the event contracts");

    @ArchTest
    static final ArchRule reactionsArePackagePrivate = classes().that().implement(EventReaction.class)
            .should().notBePublic()
            .because("reactions are fed by the intake, never called");

    @ArchTest
    static final ArchRule eventsAreContractsNotServiceClasses = noClasses().that().resideInAPackage("se.samplan.events..")
            .should().dependOnClassesThat().resideInAPackage("se.samplan.notification..");

}
