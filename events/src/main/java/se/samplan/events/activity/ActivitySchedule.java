package se.samplan.events.activity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * When an activity happens. {@code kind} says which fields count:
 * <ul>
 *   <li>DATE: {@code date};</li>
 *   <li>MONTH: {@code month} (due on its last day);</li>
 *   <li>ONGOING: {@code reviewDate} (may be null);</li>
 *   <li>MILESTONE: {@code milestoneId} and {@code offsetDays} from the milestone's forecast (or target)
 *   date, negative for before;</li>
 *   <li>RECURRING: {@code rrule} (RFC 5545, e.g. {@code FREQ=MONTHLY;COUNT=12}) from {@code date};</li>
 *   <li>PER_MEMBER: {@code year} and {@code members}, one occurrence per member, due by the year's end.</li>
 * </ul>
 *
 * @param text the "when" as the plan wrote it ("Två ggr/år"), kept for display; may be null
 */
public record ActivitySchedule(ScheduleKind kind, LocalDate date, YearMonth month, LocalDate reviewDate,
                               String milestoneId, Integer offsetDays, String rrule, Integer year,
                               List<String> members, String text) {

    public ActivitySchedule {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public static ActivitySchedule onDate(LocalDate date) {
        return new ActivitySchedule(ScheduleKind.DATE, date, null, null, null, null, null, null, null, null);
    }

    public static ActivitySchedule ongoing(LocalDate reviewDate) {
        return new ActivitySchedule(ScheduleKind.ONGOING, null, null, reviewDate, null, null, null, null, null, null);
    }
}
