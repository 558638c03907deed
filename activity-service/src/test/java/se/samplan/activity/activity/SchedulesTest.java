package se.samplan.activity.activity;

import org.junit.jupiter.api.Test;
import se.samplan.activity.DomainRuleViolated;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.PlannedOccurrence;
import se.samplan.events.activity.ScheduleKind;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every form of "when" in the source documents' activity plans, with 002's recurring rows. */
class SchedulesTest {

    private static ActivitySchedule schedule(ScheduleKind kind, LocalDate date, YearMonth month, String milestone,
                                             Integer offset, String rrule, Integer year, List<String> members, String text) {
        return new ActivitySchedule(kind, date, month, null, milestone, offset, rrule, year, members, text);
    }

    @Test
    void aDate() {
        assertThat(Schedules.occurrences(ActivitySchedule.onDate(LocalDate.of(2012, 5, 24)), null, null))
                .containsExactly(new PlannedOccurrence("once", LocalDate.of(2012, 5, 24)));
    }

    @Test
    void aMonthIsDueOnItsLastDay() {
        assertThat(Schedules.occurrences(schedule(ScheduleKind.MONTH, null, YearMonth.of(2013, 2), null, null, null, null,
                null, "februari"), null, null))
                .containsExactly(new PlannedOccurrence("once", LocalDate.of(2013, 2, 28)));
    }

    @Test
    void ongoingLopandeHasNoDueDate() {
        assertThat(Schedules.occurrences(new ActivitySchedule(ScheduleKind.ONGOING, null, null, LocalDate.of(2022, 6, 30),
                null, null, null, null, null, "Löpande"), null, null))
                .containsExactly(new PlannedOccurrence("ongoing", null));
    }

    @Test
    void beforeAMilestoneFollowsItsDateAndIsUnknownWhileItIs() {
        ActivitySchedule beforeKickOff = schedule(ScheduleKind.MILESTONE, null, null, "kick-off", -7, null, null, null,
                "Inför kick-off");
        assertThat(Schedules.occurrences(beforeKickOff, LocalDate.of(2012, 5, 24), null))
                .containsExactly(new PlannedOccurrence("once", LocalDate.of(2012, 5, 17)));
        assertThat(Schedules.occurrences(beforeKickOff, null, null))
                .containsExactly(new PlannedOccurrence("once", null));
    }

    @Test
    void twiceAYearTvaGangerPerAr() {
        ActivitySchedule twiceAYear = schedule(ScheduleKind.RECURRING, LocalDate.of(2022, 2, 15), null, null, null,
                "FREQ=MONTHLY;INTERVAL=6", null, null, "Två ggr/år");
        assertThat(Schedules.occurrences(twiceAYear, null, LocalDate.of(2023, 12, 31)))
                .extracting(PlannedOccurrence::dueDate)
                .containsExactly(LocalDate.of(2022, 2, 15), LocalDate.of(2022, 8, 15), LocalDate.of(2023, 2, 15),
                        LocalDate.of(2023, 8, 15));
    }

    @Test
    void anOpenRuleEndsOnThePlansLastDayNotTheDayAfter() {
        ActivitySchedule monthly = schedule(ScheduleKind.RECURRING, LocalDate.of(2023, 10, 1), null, null, null,
                "FREQ=MONTHLY", null, null, "varje månad");
        assertThat(Schedules.occurrences(monthly, null, LocalDate.of(2023, 12, 31))).extracting(PlannedOccurrence::dueDate)
                .containsExactly(LocalDate.of(2023, 10, 1), LocalDate.of(2023, 11, 1), LocalDate.of(2023, 12, 1));
        ActivitySchedule lastDays = schedule(ScheduleKind.RECURRING, LocalDate.of(2023, 10, 31), null, null, null,
                "FREQ=MONTHLY;BYMONTHDAY=-1", null, null, "sista dagen varje månad");
        assertThat(Schedules.occurrences(lastDays, null, LocalDate.of(2023, 12, 31))).extracting(PlannedOccurrence::dueDate)
                .containsExactly(LocalDate.of(2023, 10, 31), LocalDate.of(2023, 11, 30), LocalDate.of(2023, 12, 31));
    }

    @Test
    void aMonthlyNewsletterWithACount() {
        ActivitySchedule monthly = schedule(ScheduleKind.RECURRING, LocalDate.of(2022, 1, 31), null, null, null,
                "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=12", null, null, "Nyhetsbrev varje månad");
        List<PlannedOccurrence> occurrences = Schedules.occurrences(monthly, null, null);
        assertThat(occurrences).hasSize(12);
        assertThat(occurrences.get(1)).isEqualTo(new PlannedOccurrence("2022-02-28", LocalDate.of(2022, 2, 28)));
        assertThat(occurrences.get(11).dueDate()).isEqualTo(LocalDate.of(2022, 12, 31));
    }

    @Test
    void oncePerYearPerMemberOrganisationMinstEnGangPerArPerHuvudman() {
        List<String> huvudman = List.of("Lekebergs kommun", "Örebro kommun", "Region Örebro län", "Försäkringskassan",
                "Arbetsförmedlingen");
        ActivitySchedule perMember = schedule(ScheduleKind.PER_MEMBER, null, null, null, null, null, 2022, huvudman,
                "Minst en gång per år per huvudman");
        List<PlannedOccurrence> occurrences = Schedules.occurrences(perMember, null, null);
        assertThat(occurrences).extracting(PlannedOccurrence::occurrenceId).containsExactlyElementsOf(huvudman);
        assertThat(occurrences).extracting(PlannedOccurrence::dueDate).containsOnly(LocalDate.of(2022, 12, 31));
    }

    @Test
    void badSchedulesNameTheirField() {
        assertField(schedule(ScheduleKind.DATE, null, null, null, null, null, null, null, null), "schedule.date");
        assertField(schedule(ScheduleKind.RECURRING, LocalDate.of(2022, 1, 1), null, null, null, "EVERY SECOND TUESDAY",
                null, null, null), "schedule.rrule");
        assertField(schedule(ScheduleKind.RECURRING, LocalDate.of(2022, 1, 1), null, null, null, "FREQ=DAILY", null, null,
                null), "schedule.rrule");
        assertField(schedule(ScheduleKind.PER_MEMBER, null, null, null, null, null, 2022, List.of("A", "A"), null),
                "schedule.members");
        assertField(schedule(ScheduleKind.MILESTONE, null, null, " ", null, null, null, null, null), "schedule.milestoneId");
        assertField(schedule(null, null, null, null, null, null, null, null, null), "schedule.kind");
    }

    private static void assertField(ActivitySchedule schedule, String field) {
        assertThatThrownBy(() -> Schedules.occurrences(schedule, null, LocalDate.of(2030, 1, 1)))
                .isInstanceOf(DomainRuleViolated.class)
                .extracting(e -> ((DomainRuleViolated) e).field()).isEqualTo(field);
    }
}
