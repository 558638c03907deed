package se.samplan.activity.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.samplan.activity.plans.PlanReferences.MilestoneRef;
import se.samplan.events.activity.ActivitySchedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget and "when" forms of the import format (docs/import.md), one case per row. */
class ImportFormatsTest {

    @ParameterizedTest(name = "budget ''{0}''")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "30 000 kr      | 30000   | null",
            "30000          | 30000   | null",
            "300 000        | 300000  | null",
            "1 250,50 kr    | 1250.50 | null",
            "12 500:-       | 12500   | null",
            "SEK 4 000      | 4000    | null",
            "99.5           | 99.5    | null",
            "30 0000 kr     | null    | AMBIGUOUS_AMOUNT",
            "3000 000       | null    | AMBIGUOUS_AMOUNT",
            "30 00          | null    | AMBIGUOUS_AMOUNT",
            "30.000         | null    | AMBIGUOUS_AMOUNT",
            "30,000 kr      | null    | AMBIGUOUS_AMOUNT",
            "-5             | null    | INVALID",
            "trettio tusen  | null    | INVALID",
            "10,555         | null    | AMBIGUOUS_AMOUNT",
            "10,5555        | null    | INVALID"})
    void budgets(String text, String value, String kind) {
        Amounts.Reading reading = Amounts.read(text);
        assertThat(reading.kind() == null ? null : reading.kind().name()).isEqualTo(kind);
        if (value == null) {
            assertThat(reading.value()).isNull();
        } else {
            assertThat(reading.value()).isEqualByComparingTo(value);
        }
    }

    @ParameterizedTest(name = "when ''{0}''")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "2026-03-15                         | DATE        | 2026-03-15",
            "24 maj 2022                        | DATE        | 2022-05-24",
            "2026-03                            | MONTH       | 2026-03",
            "mars 2026                          | MONTH       | 2026-03",
            "Sept. 2026                         | MONTH       | 2026-09",
            "Löpande                            | ONGOING     | null",
            "pågående                           | ONGOING     | null",
            "Två ggr/år                         | RECURRING   | FREQ=MONTHLY;INTERVAL=6",
            "månadsvis                          | RECURRING   | FREQ=MONTHLY",
            "kvartalsvis                        | RECURRING   | FREQ=MONTHLY;INTERVAL=3",
            "årligen                            | RECURRING   | FREQ=YEARLY",
            "RRULE:FREQ=WEEKLY;COUNT=3          | RECURRING   | FREQ=WEEKLY;COUNT=3",
            "Minst en gång per år per huvudman  | PER_MEMBER  | 2022",
            "inför kick-off                     | MILESTONE   | 0",
            "7 dagar före Kick-off              | MILESTONE   | -7",
            "2 days after kick-off              | MILESTONE   | 2",
            "?                                  | UNKNOWN_DATE | null",
            "okänt                              | UNKNOWN_DATE | null",
            "inför invigningen                  | UNKNOWN_MILESTONE | null",
            "24 maj                             | INVALID     | null",
            "2022-02-30                         | INVALID     | null",
            "nästa vår                          | INVALID     | null"})
    void whens(String text, String expected, String detail) {
        Whens.Reading reading = Whens.read(text, new Whens.Context(LocalDate.of(2022, 1, 1), null,
                List.of("Lekebergs kommun", "Örebro kommun"),
                name -> name.equalsIgnoreCase("kick-off") ? Optional.of(new MilestoneRef("m-1", "Kick-off", null)) : Optional.empty()));
        if (reading.kind() != null) {
            assertThat(reading.kind().name()).isEqualTo(expected);
            assertThat(reading.schedule()).isNull();
            return;
        }
        ActivitySchedule schedule = reading.schedule();
        assertThat(schedule.kind().name()).isEqualTo(expected);
        assertThat(schedule.text()).isEqualTo(text);
        switch (schedule.kind()) {
            case DATE -> assertThat(schedule.date()).hasToString(detail);
            case MONTH -> assertThat(schedule.month()).hasToString(detail);
            case RECURRING -> {
                assertThat(schedule.rrule()).isEqualTo(detail);
                assertThat(schedule.date()).isEqualTo(LocalDate.of(2022, 1, 1));
            }
            case PER_MEMBER -> {
                assertThat(schedule.year()).hasToString(detail);
                assertThat(schedule.members()).hasSize(2);
            }
            case MILESTONE -> {
                assertThat(schedule.milestoneId()).isEqualTo("m-1");
                assertThat(schedule.offsetDays()).hasToString(detail);
            }
            case ONGOING -> assertThat(schedule.reviewDate()).isNull();
        }
    }

    @ParameterizedTest(name = "when ''{0}'' without what it needs")
    @CsvSource(delimiter = '|', value = {"varje månad | start", "per huvudman | members"})
    void aRecurringOrPerMemberRowNamesWhatItLacks(String text, String field) {
        Whens.Reading reading = Whens.read(text, new Whens.Context(null, null, List.of(), name -> Optional.empty()));
        assertThat(reading.kind()).isEqualTo(ImportProblem.Kind.INVALID);
        assertThat(reading.field()).isEqualTo(field);
    }
}
