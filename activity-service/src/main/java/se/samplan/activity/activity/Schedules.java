package se.samplan.activity.activity;

import net.fortuna.ical4j.model.Recur;
import se.samplan.activity.DomainRuleViolated;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.PlannedOccurrence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a schedule into its occurrences. Recurrence is RFC 5545 (ical4j's {@link Recur}), not
 * arithmetic of our own.
 */
final class Schedules {

    /** The most occurrences one schedule may give: a recurring rule without end is cut at its horizon. */
    static final int MAX_OCCURRENCES = 400;
    /** How far an open-ended rule reaches when the plan's period end is not known. */
    static final int DEFAULT_HORIZON_YEARS = 2;

    private Schedules() {
    }

    /**
     * @param milestoneDate the anchor milestone's forecast (or target) date, for MILESTONE; null if unknown
     * @param horizon       the last day to generate recurrences for when the rule has no end (the plan's end); may be null
     */
    static List<PlannedOccurrence> occurrences(ActivitySchedule schedule, LocalDate milestoneDate, LocalDate horizon) {
        validate(schedule);
        return switch (schedule.kind()) {
            case DATE -> List.of(new PlannedOccurrence("once", schedule.date()));
            case MONTH -> List.of(new PlannedOccurrence("once", schedule.month().atEndOfMonth()));
            case ONGOING -> List.of(new PlannedOccurrence("ongoing", null));
            case MILESTONE -> List.of(new PlannedOccurrence("once", relativeTo(schedule, milestoneDate)));
            case RECURRING -> recurrences(schedule, horizon);
            case PER_MEMBER -> schedule.members().stream()
                    .map(member -> new PlannedOccurrence(member.strip(), LocalDate.of(schedule.year(), 12, 31)))
                    .toList();
        };
    }

    /** The due date of a MILESTONE schedule given the milestone's date; null while that is unknown. */
    static LocalDate relativeTo(ActivitySchedule schedule, LocalDate milestoneDate) {
        if (milestoneDate == null) {
            return null;
        }
        return milestoneDate.plusDays(schedule.offsetDays() == null ? 0 : schedule.offsetDays());
    }

    static void validate(ActivitySchedule schedule) {
        if (schedule == null || schedule.kind() == null) {
            throw new DomainRuleViolated("schedule.kind", "A schedule needs a kind: DATE, MONTH, ONGOING, MILESTONE, RECURRING or PER_MEMBER");
        }
        switch (schedule.kind()) {
            case DATE -> required(schedule.date(), "schedule.date");
            case MONTH -> required(schedule.month(), "schedule.month");
            case ONGOING -> { }
            case MILESTONE -> {
                if (schedule.milestoneId() == null || schedule.milestoneId().isBlank()) {
                    throw new DomainRuleViolated("schedule.milestoneId", "A schedule relative to a milestone names the milestone");
                }
                if (schedule.offsetDays() != null && Math.abs(schedule.offsetDays()) > 3660) {
                    throw new DomainRuleViolated("schedule.offsetDays", "offsetDays is at most ten years either way");
                }
            }
            case RECURRING -> {
                required(schedule.date(), "schedule.date");
                rule(schedule.rrule());
            }
            case PER_MEMBER -> {
                required(schedule.year(), "schedule.year");
                if (schedule.year() < 2000 || schedule.year() > 2100) {
                    throw new DomainRuleViolated("schedule.year", "year is from 2000 to 2100");
                }
                if (schedule.members().isEmpty() || schedule.members().stream().anyMatch(m -> m == null || m.isBlank())) {
                    throw new DomainRuleViolated("schedule.members", "Name every member organisation");
                }
                Set<String> seen = new HashSet<>();
                for (String member : schedule.members()) {
                    if (!seen.add(member.strip())) {
                        throw new DomainRuleViolated("schedule.members", member + " is named twice");
                    }
                }
            }
        }
    }

    private static List<PlannedOccurrence> recurrences(ActivitySchedule schedule, LocalDate horizon) {
        Recur<LocalDate> rule = rule(schedule.rrule());
        LocalDate start = schedule.date();
        LocalDate end;
        if (rule.getUntil() != null) {
            end = rule.getUntil();
        } else if (rule.getCount() > 0) {
            end = start.plusYears(100);
        } else {
            end = horizon != null && !horizon.isBefore(start) ? horizon : start.plusYears(DEFAULT_HORIZON_YEARS);
        }
        // ical4j's period end is inclusive: the horizon's own day may have an occurrence, the next may not.
        List<LocalDate> dates = rule.getDates(start, start, end, MAX_OCCURRENCES + 1);
        if (dates.size() > MAX_OCCURRENCES) {
            throw new DomainRuleViolated("schedule.rrule", "The rule gives more than " + MAX_OCCURRENCES
                    + " occurrences: give it a COUNT or an UNTIL");
        }
        List<PlannedOccurrence> occurrences = new ArrayList<>();
        for (LocalDate date : dates) {
            occurrences.add(new PlannedOccurrence(date.toString(), date));
        }
        return occurrences;
    }

    private static Recur<LocalDate> rule(String rrule) {
        if (rrule == null || rrule.isBlank()) {
            throw new DomainRuleViolated("schedule.rrule", "A recurring schedule needs an RRULE, e.g. FREQ=MONTHLY;COUNT=12");
        }
        String text = rrule.strip();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6);
        }
        try {
            return new Recur<>(text);
        } catch (RuntimeException e) {
            throw new DomainRuleViolated("schedule.rrule", "Not an RFC 5545 RRULE: " + rrule);
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new DomainRuleViolated(field, field + " is required for this kind of schedule");
        }
    }
}
