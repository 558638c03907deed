package se.samplan.activity.activity;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samplan.activity.DomainRuleViolated;
import se.samplan.activity.TransitionRejected;
import se.samplan.activity.activity.ActivityCommands.*;
import se.samplan.activity.activity.ActivityDocument.Details;
import se.samplan.events.activity.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Every transition of an activity and its occurrences, with Axon's given/when/then fixture. */
class ActivityTest {

    private static final String ID = "a-1";
    private static final String A = "vkl";
    private static final String P = "p-1";
    private static final LocalDate MAY_24 = LocalDate.of(2012, 5, 24);
    private static final Details NEWSLETTER = new Details("Nyhetsbrev", null, ActivityKind.COMMUNICATION_OCCASION,
            List.of("Projektledning"), "E-post", List.of(new Responsible(Responsible.Kind.PERSON, "katja")), null, null,
            new BigDecimal("1500.00"), null);

    private FixtureConfiguration<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
    }

    private static ActivityScheduled scheduled(ActivitySchedule schedule, List<PlannedOccurrence> occurrences) {
        return new ActivityScheduled(ID, A, P, "Nyhetsbrev", null, ActivityKind.COMMUNICATION_OCCASION,
                List.of("Projektledning"), "E-post", List.of(new Responsible(Responsible.Kind.PERSON, "katja")), null, null,
                new BigDecimal("1500.00"), null, schedule, occurrences);
    }

    private static ActivityScheduled onMay24() {
        return scheduled(ActivitySchedule.onDate(MAY_24), List.of(new PlannedOccurrence("once", MAY_24)));
    }

    private static ActivitySchedule beforeKickOff() {
        return new ActivitySchedule(ScheduleKind.MILESTONE, null, null, null, "kick-off", -7, null, null, null, "Inför kick-off");
    }

    @Test
    void scheduleActivityGivesItsOccurrences() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivity(ID, A, P, NEWSLETTER, ActivitySchedule.onDate(MAY_24), null, null))
                .expectEvents(onMay24());
    }

    @Test
    void badDetailsAreRejectedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivity(ID, A, P, new Details(" ", null, null, null, null, null, null, null, null, null),
                        ActivitySchedule.onDate(MAY_24), null, null))
                .expectException(DomainRuleViolated.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivity(ID, A, P, new Details("Hemsida", null, null, null, null, null, null, null,
                        new BigDecimal("-1"), null), ActivitySchedule.onDate(MAY_24), null, null))
                .expectException(DomainRuleViolated.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivity(ID, A, P, new Details("Hemsida", null, null, null, null, null, null, null,
                        new BigDecimal("10.005"), null), ActivitySchedule.onDate(MAY_24), null, null))
                .expectException(DomainRuleViolated.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivity(ID, A, " ", NEWSLETTER, ActivitySchedule.onDate(MAY_24), null, null))
                .expectException(DomainRuleViolated.class).expectNoEvents();
    }

    @Test
    void detailsAndScheduleChange() {
        fixture.given(onMay24())
                .when(new ChangeActivityDetails(ID, null, new Details("Nyhetsbrev juni", null, null, List.of(), null, List.of(),
                        null, null, null, null)))
                .expectEvents(new ActivityDetailsChanged(ID, A, P, "Nyhetsbrev juni", null, ActivityKind.ACTIVITY, List.of(),
                        null, List.of(), null, null, null, null));
        fixture.given(onMay24())
                .when(new RescheduleActivity(ID, null, ActivitySchedule.ongoing(null), null, null))
                .expectEvents(new ActivityRescheduled(ID, A, P, ActivitySchedule.ongoing(null),
                        List.of(new PlannedOccurrence("ongoing", null))));
    }

    @Test
    void anOccurrenceIsStartedDonePostponedOrCancelled() {
        fixture.given(onMay24()).when(new StartOccurrence(ID, null, "once"))
                .expectEvents(new ActivityOccurrenceStarted(ID, A, P, "once"));
        fixture.given(onMay24(), new ActivityOccurrenceStarted(ID, A, P, "once"))
                .when(new CompleteOccurrence(ID, null, "once", MAY_24, "Skickat till 340 mottagare", null))
                .expectEvents(new ActivityOccurrenceCompleted(ID, A, P, "once", MAY_24, "Skickat till 340 mottagare", null));
        fixture.given(onMay24()).when(new CompleteOccurrence(ID, null, "once", MAY_24, null, new java.math.BigDecimal("2750.50")))
                .expectEvents(new ActivityOccurrenceCompleted(ID, A, P, "once", MAY_24, null, new java.math.BigDecimal("2750.50")));
        fixture.given(onMay24()).when(new CompleteOccurrence(ID, null, "once", MAY_24, null, new java.math.BigDecimal("-1")))
                .expectException(DomainRuleViolated.class).expectNoEvents();
        fixture.given(onMay24()).when(new CompleteOccurrence(ID, null, "once", MAY_24, null, new java.math.BigDecimal("1.005")))
                .expectException(DomainRuleViolated.class).expectNoEvents();
        fixture.given(onMay24()).when(new PostponeOccurrence(ID, null, "once", LocalDate.of(2012, 6, 1), "Semester"))
                .expectEvents(new ActivityOccurrencePostponed(ID, A, P, "once", MAY_24, LocalDate.of(2012, 6, 1), "Semester"));
        fixture.given(onMay24()).when(new CancelOccurrence(ID, null, "once", "Ersatt av webbnyhet"))
                .expectEvents(new ActivityOccurrenceCancelled(ID, A, P, "once", "Ersatt av webbnyhet"));
    }

    @Test
    void closedOccurrencesStayClosedAndUnknownOnesAreNamed() {
        ActivityOccurrenceCompleted done = new ActivityOccurrenceCompleted(ID, A, P, "once", MAY_24, null, null);
        fixture.given(onMay24(), done).when(new StartOccurrence(ID, null, "once"))
                .expectException(TransitionRejected.class).expectNoEvents();
        fixture.given(onMay24(), done).when(new PostponeOccurrence(ID, null, "once", LocalDate.of(2012, 6, 1), null))
                .expectException(TransitionRejected.class).expectNoEvents();
        fixture.given(onMay24(), new ActivityOccurrenceCancelled(ID, A, P, "once", null))
                .when(new CompleteOccurrence(ID, null, "once", MAY_24, null, null))
                .expectException(TransitionRejected.class).expectNoEvents();
        fixture.given(onMay24(), new ActivityOccurrenceStarted(ID, A, P, "once"))
                .when(new StartOccurrence(ID, null, "once")).expectException(TransitionRejected.class);
        fixture.given(onMay24()).when(new CompleteOccurrence(ID, null, "2012-05-24", MAY_24, null, null))
                .expectException(DomainRuleViolated.class);
        fixture.given(onMay24()).when(new CompleteOccurrence(ID, null, "once", null, null, null))
                .expectException(DomainRuleViolated.class);
        fixture.given(onMay24()).when(new PostponeOccurrence(ID, null, "once", MAY_24, null))
                .expectException(DomainRuleViolated.class);
    }

    @Test
    void aMilestoneMoveMovesTheOccurrencesScheduledRelativeToIt() {
        ActivityScheduled relative = scheduled(beforeKickOff(), List.of(new PlannedOccurrence("once", LocalDate.of(2012, 5, 17))));
        fixture.given(relative).when(new FollowMilestone(ID, "kick-off", LocalDate.of(2012, 6, 1)))
                .expectEvents(new ActivityOccurrenceMoved(ID, A, P, "once", LocalDate.of(2012, 5, 17), LocalDate.of(2012, 5, 25), "kick-off"));
        fixture.given(relative).when(new FollowMilestone(ID, "kick-off", MAY_24)).expectNoEvents();
        fixture.given(relative).when(new FollowMilestone(ID, "another", LocalDate.of(2012, 6, 1))).expectNoEvents();
        fixture.given(relative).when(new FollowMilestone(ID, "kick-off", null))
                .expectEvents(new ActivityOccurrenceMoved(ID, A, P, "once", LocalDate.of(2012, 5, 17), null, "kick-off"));
        fixture.given(relative, new ActivityOccurrencePostponed(ID, A, P, "once", LocalDate.of(2012, 5, 17), LocalDate.of(2012, 5, 20), null))
                .when(new FollowMilestone(ID, "kick-off", LocalDate.of(2012, 6, 1))).expectNoEvents();
    }

    @Test
    void dueSoonComesOncePerOccurrenceAndDueDate() {
        fixture.given(onMay24()).when(new RemindDueSoon(ID, "once", LocalDate.of(2012, 5, 21), 3))
                .expectEvents(new ActivityDueSoon(ID, A, P, "once", MAY_24, 3));
        fixture.given(onMay24()).when(new RemindDueSoon(ID, "once", LocalDate.of(2012, 5, 20), 3)).expectNoEvents();
        fixture.given(onMay24(), new ActivityDueSoon(ID, A, P, "once", MAY_24, 3))
                .when(new RemindDueSoon(ID, "once", LocalDate.of(2012, 5, 22), 3)).expectNoEvents();
        fixture.given(onMay24(), new ActivityDueSoon(ID, A, P, "once", MAY_24, 3),
                        new ActivityOccurrencePostponed(ID, A, P, "once", MAY_24, LocalDate.of(2012, 6, 1), null))
                .when(new RemindDueSoon(ID, "once", LocalDate.of(2012, 5, 30), 3))
                .expectEvents(new ActivityDueSoon(ID, A, P, "once", LocalDate.of(2012, 6, 1), 3));
        fixture.given(onMay24(), new ActivityOccurrenceCompleted(ID, A, P, "once", MAY_24, null, null))
                .when(new RemindDueSoon(ID, "once", LocalDate.of(2012, 5, 23), 3)).expectNoEvents();
    }

    @Test
    void overdueComesOncePerOccurrenceAndDueDateUnlessDone() {
        fixture.given(onMay24()).when(new ReportOverdue(ID, "once", LocalDate.of(2012, 5, 25)))
                .expectEvents(new ActivityOverdue(ID, A, P, "once", MAY_24));
        fixture.given(onMay24()).when(new ReportOverdue(ID, "once", MAY_24)).expectNoEvents();
        fixture.given(onMay24(), new ActivityOverdue(ID, A, P, "once", MAY_24))
                .when(new ReportOverdue(ID, "once", LocalDate.of(2012, 5, 30))).expectNoEvents();
        fixture.given(onMay24(), new ActivityOccurrenceCompleted(ID, A, P, "once", MAY_24, null, null))
                .when(new ReportOverdue(ID, "once", LocalDate.of(2012, 5, 30))).expectNoEvents();
        fixture.given(onMay24(), new ActivityOccurrenceCancelled(ID, A, P, "once", null))
                .when(new ReportOverdue(ID, "once", LocalDate.of(2012, 5, 30))).expectNoEvents();
    }

    @Test
    void reschedulingKeepsTheStateOfOccurrencesThatStay() {
        ActivitySchedule monthly = new ActivitySchedule(ScheduleKind.RECURRING, LocalDate.of(2012, 5, 24), null, null, null,
                null, "FREQ=MONTHLY;COUNT=2", null, null, null);
        fixture.given(onMay24(), new ActivityOccurrenceCompleted(ID, A, P, "once", MAY_24, null, null))
                .when(new RescheduleActivity(ID, null, monthly, null, null))
                .expectEvents(new ActivityRescheduled(ID, A, P, monthly, List.of(
                        new PlannedOccurrence("2012-05-24", MAY_24), new PlannedOccurrence("2012-06-24", LocalDate.of(2012, 6, 24)))));
    }
}
