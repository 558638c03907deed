package se.samplan.activity.importing;

import se.samplan.activity.plans.PlanReferences.MilestoneRef;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.ScheduleKind;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "when" of an activity row as the plans write it, onto the schedule kinds the activity
 * model has (docs/import.md lists every form). The text as written is kept on the schedule.
 * Nothing is guessed: a day without a year is invalid, and "?" or nothing is an unknown date.
 */
final class Whens {

    /** What a row says besides "when" that a schedule may need. */
    record Context(LocalDate periodStart, LocalDate start, List<String> members,
                   Function<String, Optional<MilestoneRef>> milestone) { }

    /** The schedule, or why there is none: {@code kind} null for a good one; {@code field} names the column at fault. */
    record Reading(ActivitySchedule schedule, ImportProblem.Kind kind, String field, String message) { }

    private static final Map<String, Integer> MONTHS = new LinkedHashMap<>();
    private static final Map<String, String> RULES = new LinkedHashMap<>();
    private static final List<String> UNKNOWN = List.of("?", "??", "okänt", "okänd", "oklart", "unknown", "tbd");
    private static final List<String> ONGOING = List.of("löpande", "pågående", "kontinuerligt", "ongoing", "continuous");
    private static final Pattern PER_MEMBER = Pattern.compile("(?i).*\\bper (huvudman|medlem|medlemsorganisation|member)\\b.*");
    private static final Pattern MILESTONE = Pattern.compile(
            "(?i)^(?:(\\d{1,4})\\s*(?:dagar|dag|days|day)\\s+)?(inför|före|innan|before|efter|after)\\s+(.+)$");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("^(\\d{1,2})\\s+(\\p{L}+)\\.?(?:\\s+(\\d{4}))?$");
    private static final Pattern MONTH_YEAR = Pattern.compile("^(\\p{L}+)\\.?\\s+(\\d{4})$");

    static {
        String[][] names = {
                {"januari", "jan", "january"}, {"februari", "feb", "february"}, {"mars", "mar", "march"},
                {"april", "apr"}, {"maj", "may"}, {"juni", "jun", "june"}, {"juli", "jul", "july"},
                {"augusti", "aug", "august"}, {"september", "sep", "sept"}, {"oktober", "okt", "oct", "october"},
                {"november", "nov"}, {"december", "dec"}};
        for (int month = 0; month < names.length; month++) {
            for (String name : names[month]) {
                MONTHS.put(name, month + 1);
            }
        }
        for (String weekly : List.of("varje vecka", "veckovis", "en gång i veckan", "weekly", "every week")) {
            RULES.put(weekly, "FREQ=WEEKLY");
        }
        for (String monthly : List.of("varje månad", "månadsvis", "en gång i månaden", "monthly", "every month")) {
            RULES.put(monthly, "FREQ=MONTHLY");
        }
        for (String quarterly : List.of("varje kvartal", "kvartalsvis", "quarterly", "every quarter")) {
            RULES.put(quarterly, "FREQ=MONTHLY;INTERVAL=3");
        }
        for (String twice : List.of("två ggr/år", "2 ggr/år", "två gånger per år", "två gånger om året", "2 gånger per år",
                "halvårsvis", "varje halvår", "twice a year", "semiannually")) {
            RULES.put(twice, "FREQ=MONTHLY;INTERVAL=6");
        }
        for (String yearly : List.of("en gång per år", "en gång om året", "varje år", "årligen", "årsvis", "yearly",
                "annually", "every year")) {
            RULES.put(yearly, "FREQ=YEARLY");
        }
    }

    private Whens() {
    }

    static Reading read(String text, Context context) {
        String when = text == null ? "" : text.strip();
        String lower = when.toLowerCase(Locale.ROOT);
        if (when.isEmpty() || UNKNOWN.contains(lower)) {
            return new Reading(null, ImportProblem.Kind.UNKNOWN_DATE, "when",
                    when.isEmpty() ? "No date given" : "The date is not known (" + when + ")");
        }
        if (ONGOING.contains(lower)) {
            return ok(new ActivitySchedule(ScheduleKind.ONGOING, null, null, null, null, null, null, null, null, when));
        }
        if (PER_MEMBER.matcher(lower).matches()) {
            return perMember(when, context);
        }
        String rule = RULES.get(lower.replace(" / ", "/"));
        if (rule == null && (lower.startsWith("rrule:") || lower.startsWith("freq="))) {
            rule = when.regionMatches(true, 0, "RRULE:", 0, 6) ? when.substring(6) : when;
        }
        if (rule != null) {
            return recurring(when, rule, context);
        }
        Matcher milestone = MILESTONE.matcher(when);
        if (milestone.matches()) {
            return relative(when, milestone, context);
        }
        return calendar(when, lower);
    }

    private static Reading calendar(String when, String lower) {
        try {
            if (when.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return ok(new ActivitySchedule(ScheduleKind.DATE, LocalDate.parse(when), null, null, null, null, null, null, null, when));
            }
            if (when.matches("\\d{4}-\\d{2}")) {
                return ok(month(YearMonth.parse(when), when));
            }
            Matcher monthYear = MONTH_YEAR.matcher(lower);
            if (monthYear.matches() && MONTHS.containsKey(monthYear.group(1))) {
                return ok(month(YearMonth.of(Integer.parseInt(monthYear.group(2)), MONTHS.get(monthYear.group(1))), when));
            }
            Matcher day = DAY_MONTH_YEAR.matcher(lower);
            if (day.matches() && MONTHS.containsKey(day.group(2))) {
                if (day.group(3) == null) {
                    return invalid("when", "Give the year too: " + when + " of which year?");
                }
                LocalDate date = LocalDate.of(Integer.parseInt(day.group(3)), MONTHS.get(day.group(2)), Integer.parseInt(day.group(1)));
                return ok(new ActivitySchedule(ScheduleKind.DATE, date, null, null, null, null, null, null, null, when));
            }
        } catch (DateTimeException e) {
            return invalid("when", "Not a date in the calendar: " + when);
        }
        return invalid("when", "Cannot read when: " + when + " (see docs/import.md for the forms)");
    }

    private static ActivitySchedule month(YearMonth month, String text) {
        return new ActivitySchedule(ScheduleKind.MONTH, null, month, null, null, null, null, null, null, text);
    }

    private static Reading recurring(String when, String rule, Context context) {
        LocalDate start = context.start() != null ? context.start() : context.periodStart();
        if (start == null) {
            return invalid("start", "A recurring activity needs a start date: give start, or a period to the plan");
        }
        return ok(new ActivitySchedule(ScheduleKind.RECURRING, start, null, null, null, null, rule, null, null, when));
    }

    private static Reading perMember(String when, Context context) {
        if (context.members().isEmpty()) {
            return invalid("members", "Once per member organisation: name them in members, separated by |");
        }
        LocalDate start = context.start() != null ? context.start() : context.periodStart();
        if (start == null) {
            return invalid("start", "Once a year per member organisation: give start (its year), or a period to the plan");
        }
        return ok(new ActivitySchedule(ScheduleKind.PER_MEMBER, null, null, null, null, null, null, start.getYear(),
                context.members(), when));
    }

    private static Reading relative(String when, Matcher milestone, Context context) {
        String name = milestone.group(3).strip();
        Optional<MilestoneRef> ref = context.milestone().apply(name);
        if (ref.isEmpty()) {
            return new Reading(null, ImportProblem.Kind.UNKNOWN_MILESTONE, "when",
                    "The plan has no milestone " + name + ": imported without a due date if you accept it");
        }
        int days = milestone.group(1) == null ? 0 : Integer.parseInt(milestone.group(1));
        String direction = milestone.group(2).toLowerCase(Locale.ROOT);
        int offset = direction.equals("efter") || direction.equals("after") ? days : -days;
        return ok(new ActivitySchedule(ScheduleKind.MILESTONE, null, null, null, ref.get().milestoneId(), offset, null,
                null, null, when));
    }

    /** The schedule of a row whose flagged "when" was accepted: no due date, the text as written. */
    static ActivitySchedule unknown(String text) {
        return new ActivitySchedule(ScheduleKind.ONGOING, null, null, null, null, null, null, null, null,
                text == null || text.isBlank() ? "?" : text.strip());
    }

    private static Reading ok(ActivitySchedule schedule) {
        return new Reading(schedule, null, null, null);
    }

    private static Reading invalid(String field, String message) {
        return new Reading(null, ImportProblem.Kind.INVALID, field, message);
    }
}
