package se.samplan.activity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.spring.stereotype.Aggregate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "se.samplan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses().that().resideInAPackage("se.samplan.activity..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "se.samplan.plan..", "se.samplan.reporting..", "se.samplan.notification..",
                    "se.samplan.gateway..", "se.samplan.localstack..")
            .because("services share only the event contracts");

    @ArchTest
    static final ArchRule aggregatesArePackagePrivate = classes().that().areAnnotatedWith(Aggregate.class)
            .should().notBePublic()
            .because("an aggregate is reached through commands, never called");

    @ArchTest
    static final ArchRule handlersArePackagePrivate = methods().that().areAnnotatedWith(EventHandler.class)
            .should().notBePublic()
            .andShould().beDeclaredInClassesThat().areNotPublic();

    @ArchTest
    static final ArchRule eventsAreContractsNotServiceClasses = noClasses().that().resideInAPackage("se.samplan.events..")
            .should().dependOnClassesThat().resideInAPackage("se.samplan.activity..");

}
