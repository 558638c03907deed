package se.samplan.activity.activity;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samplan.activity.DomainRuleViolated;
import se.samplan.events.activity.ActivityScheduled;

import java.time.LocalDate;

class ActivityTest {

    private AggregateTestFixture<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
    }

    @Test
    void scheduleActivityPutsItOnThePlan() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivity("a-1", "vkl", "p-1", "Nyhetsbrev ", LocalDate.of(2012, 5, 24)))
                .expectEvents(new ActivityScheduled("a-1", "vkl", "p-1", "Nyhetsbrev", LocalDate.of(2012, 5, 24)));
    }

    @Test
    void anActivityWithoutADateIsAllowed() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivity("a-1", "vkl", "p-1", "Löpande information på webben", null))
                .expectEvents(new ActivityScheduled("a-1", "vkl", "p-1", "Löpande information på webben", null));
    }

    @Test
    void anActivityNeedsATitleAndAPlan() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivity("a-1", "vkl", "p-1", "", null))
                .expectException(DomainRuleViolated.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivity("a-1", "vkl", " ", "Nyhetsbrev", null))
                .expectException(DomainRuleViolated.class)
                .expectNoEvents();
    }
}
