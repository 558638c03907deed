package se.samplan.activity.importing;

import se.samplan.activity.activity.ActivityImport;
import se.samplan.activity.plans.PlanReferences;
import se.samplan.events.activity.ActivityKind;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.Responsible;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads each row of an activity table against the plan it goes on, and reports every problem of
 * every row. A flagged value (an unknown date or milestone, an ambiguous amount, a target group
 * the plan does not have) is read as not known, and the row's comment says what was left out, so
 * an accepted import keeps what the source said.
 */
final class ActivityRowReader {

    /** One row as read; {@code activity} is null when the row has an INVALID problem. */
    record Reading(ActivityImport.Row activity, List<ImportProblem> problems) { }

    private static final Pattern LIST = Pattern.compile("\\s*\\|\\s*");
    private static final Map<String, ActivityKind> KINDS = new LinkedHashMap<>();
    private static final Map<String, ActivityImport.Progress> PROGRESS = new LinkedHashMap<>();

    static {
        for (ActivityKind kind : ActivityKind.values()) {
            KINDS.put(kind.name().toLowerCase(Locale.ROOT), kind);
        }
        words(KINDS, ActivityKind.PLANNING, "planering", "projektplanering", "turkos");
        words(KINDS, ActivityKind.ACTIVITY, "aktivitet", "rött", "röd");
        words(KINDS, ActivityKind.CHECKPOINT, "avstämning", "uppföljning", "gult", "gul");
        words(KINDS, ActivityKind.COMMUNICATION_OCCASION, "kommunikationstillfälle", "communication occasion", "grönt", "grön");
        for (ActivityImport.Progress progress : ActivityImport.Progress.values()) {
            PROGRESS.put(progress.name().toLowerCase(Locale.ROOT), progress);
        }
        words(PROGRESS, ActivityImport.Progress.PLANNED, "planerad", "planned", "ej påbörjad");
        words(PROGRESS, ActivityImport.Progress.IN_PROGRESS, "pågår", "pågående", "påbörjad", "in progress");
        words(PROGRESS, ActivityImport.Progress.DONE, "klar", "genomförd", "avslutad", "done");
        words(PROGRESS, ActivityImport.Progress.CANCELLED, "inställd", "struken", "cancelled", "canceled");
    }

    private static <T> void words(Map<String, T> map, T value, String... words) {
        for (String word : words) {
            map.put(word, value);
        }
    }

    private final PlanReferences.PlanRef plan;
    private final List<PlanReferences.TargetGroupRef> targetGroups;
    private final List<PlanReferences.MilestoneRef> milestones;

    ActivityRowReader(PlanReferences.PlanRef plan, List<PlanReferences.TargetGroupRef> targetGroups,
                      List<PlanReferences.MilestoneRef> milestones) {
        this.plan = plan;
        this.targetGroups = targetGroups;
        this.milestones = milestones;
    }

    Reading read(ActivityTable.Row row) {
        List<ImportProblem> problems = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        String r = row.row();

        String title = row.get("title");
        if (title == null) {
            problems.add(ImportProblem.invalid(r, "title", null, "Every activity needs a title"));
        }

        LocalDate start = date(r, "start", row.get("start"), problems);
        LocalDate doneOn = date(r, "doneOn", row.get("doneOn"), problems);
        Whens.Reading when = Whens.read(row.get("when"), new Whens.Context(plan.periodStart(), start,
                list(row.get("members")), this::milestone));
        ActivitySchedule schedule = when.schedule();
        if (when.kind() != null) {
            problems.add(problem(r, when.field(), when.field().equals("when") ? row.get("when") : row.get(when.field()),
                    when.kind(), when.message()));
            if (when.kind() != ImportProblem.Kind.INVALID) {
                schedule = Whens.unknown(row.get("when"));
                leftOut.add("när " + quoted(row.get("when")));
            }
        }

        Amounts.Reading budget = Amounts.read(row.get("budget"));
        if (budget.kind() != null) {
            problems.add(problem(r, "budget", row.get("budget"), budget.kind(), budget.message()));
            leftOut.add("budget " + quoted(row.get("budget")));
        }

        List<String> groups = new ArrayList<>();
        for (String group : list(row.get("targetGroups"))) {
            Optional<String> known = targetGroups.stream()
                    .filter(g -> g.name().equalsIgnoreCase(group) || g.targetGroupId().equals(group))
                    .map(PlanReferences.TargetGroupRef::name).findFirst();
            if (known.isPresent()) {
                groups.add(known.get());
            } else {
                problems.add(ImportProblem.flag(r, "targetGroups", group, ImportProblem.Kind.UNKNOWN_TARGET_GROUP,
                        "The plan has no target group " + group + (targetGroups.isEmpty() ? "" : "; it has "
                                + String.join(", ", targetGroups.stream().map(PlanReferences.TargetGroupRef::name).toList()))));
                leftOut.add("målgrupp " + quoted(group));
            }
        }

        ActivityKind kind = choice(r, "kind", row.get("kind"), KINDS, problems);
        ActivityImport.Progress progress = ActivityImport.Progress.PLANNED;
        if (row.get("status") != null && row.get("status").toLowerCase(Locale.ROOT).matches("uppskjuten|framflyttad|postponed")) {
            problems.add(ImportProblem.invalid(r, "status", row.get("status"),
                    "Import it as planned with its new date; postponing is a change made after the import"));
        } else if (row.get("status") != null) {
            progress = Optional.ofNullable(choice(r, "status", row.get("status"), PROGRESS, problems)).orElse(progress);
        }
        if (progress == ActivityImport.Progress.DONE && doneOn == null && row.get("doneOn") == null) {
            problems.add(ImportProblem.invalid(r, "doneOn", null, "A done activity needs doneOn: the date it was done"));
        }

        List<Responsible> responsible = list(row.get("responsible")).stream().map(ActivityRowReader::responsible).toList();
        String comment = row.get("comment");
        if (!leftOut.isEmpty()) {
            String note = "Lämnades ute vid importen: " + String.join(", ", leftOut) + ".";
            comment = comment == null ? note : comment + "\n" + note;
        }

        boolean invalid = problems.stream().anyMatch(p -> !p.flagged());
        ActivityImport.Row activity = invalid ? null : new ActivityImport.Row(r, title, row.get("description"), kind,
                groups, row.get("channel"), responsible, row.get("need"), row.get("how"), budget.value(), comment,
                schedule, progress, doneOn);
        return new Reading(activity, problems);
    }

    private Optional<PlanReferences.MilestoneRef> milestone(String nameOrId) {
        return milestones.stream()
                .filter(m -> nameOrId.equalsIgnoreCase(m.name()) || nameOrId.equals(m.milestoneId())).findFirst();
    }

    private static Responsible responsible(String ref) {
        return ref.regionMatches(true, 0, "person:", 0, 7)
                ? new Responsible(Responsible.Kind.PERSON, ref.substring(7).strip())
                : new Responsible(Responsible.Kind.ROLE, ref);
    }

    private static <T> T choice(String row, String field, String value, Map<String, T> words, List<ImportProblem> problems) {
        if (value == null) {
            return null;
        }
        T choice = words.get(value.strip().toLowerCase(Locale.ROOT));
        if (choice == null) {
            problems.add(ImportProblem.invalid(row, field, value, field + " is one of " + String.join(", ", words.keySet())));
        }
        return choice;
    }

    private static LocalDate date(String row, String field, String value, List<ImportProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(ImportProblem.invalid(row, field, value, field + " is a date as yyyy-mm-dd"));
            return null;
        }
    }

    private static List<String> list(String cell) {
        return cell == null ? List.of()
                : Arrays.stream(LIST.split(cell.strip())).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static ImportProblem problem(String row, String field, String value, ImportProblem.Kind kind, String message) {
        return new ImportProblem(row, field, value, kind, message, false);
    }

    private static String quoted(String value) {
        return "\"" + (value == null ? "" : value) + "\"";
    }
}
