package se.samplan.plan.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samplan.events.plan.PlanCreated;
import se.samplan.plan.DomainRuleViolated;

import java.time.LocalDate;

class PlanTest {

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    @Test
    void createPlanDraftsIt() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("p-1", "finsam-lo", "  Kommunikationsplan Finsam Lekeberg och Örebro ",
                        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "person-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanCreated("p-1", "finsam-lo", "Kommunikationsplan Finsam Lekeberg och Örebro",
                        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "person-1"));
    }

    @Test
    void aPlanWhosePeriodIsStillUnknownCanBeDrafted() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("p-1", "sco", "Statusrapport kommunikation", null, null, "person-1"))
                .expectEvents(new PlanCreated("p-1", "sco", "Statusrapport kommunikation", null, null, "person-1"));
    }

    @Test
    void aPlanNeedsATitle() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("p-1", "sco", " ", null, null, "person-1"))
                .expectException(DomainRuleViolated.class)
                .expectExceptionMessage("A plan needs a title")
                .expectNoEvents();
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("p-1", "sco", "Plan", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 31), "person-1"))
                .expectException(DomainRuleViolated.class)
                .expectNoEvents();
    }

    @Test
    void titlesAreBounded() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("p-1", "sco", "x".repeat(Plan.MAX_TITLE_LENGTH + 1), null, null, "person-1"))
                .expectException(DomainRuleViolated.class)
                .expectNoEvents();
    }
}
