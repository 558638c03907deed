package se.samplan.activity.activity;

import se.samplan.events.activity.ActivityDetailsChanged;
import se.samplan.events.activity.ActivityDueSoon;
import se.samplan.events.activity.ActivityEvent;
import se.samplan.events.activity.ActivityKind;
import se.samplan.events.activity.ActivityOccurrenceCancelled;
import se.samplan.events.activity.ActivityOccurrenceCompleted;
import se.samplan.events.activity.ActivityOccurrenceMoved;
import se.samplan.events.activity.ActivityOccurrencePostponed;
import se.samplan.events.activity.ActivityOccurrenceStarted;
import se.samplan.events.activity.ActivityOverdue;
import se.samplan.events.activity.ActivityRescheduled;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.ActivityScheduled;
import se.samplan.events.activity.PlannedOccurrence;
import se.samplan.events.activity.Responsible;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An activity folded from its events: the aggregate decides with it, reads show it. One fold for
 * both, so what is checked is what is shown.
 */
final class ActivityDocument {

    enum Status { PLANNED, IN_PROGRESS, DONE, POSTPONED, CANCELLED;

        boolean open() {
            return this == PLANNED || this == IN_PROGRESS || this == POSTPONED;
        }
    }

    /** One occurrence with its own status; {@code dueSoonFor}/{@code overdueFor}: the due date already reminded of. */
    record Occurrence(String occurrenceId, LocalDate plannedDate, LocalDate dueDate, Status status, LocalDate doneOn,
                      String outcome, String reason, LocalDate dueSoonFor, LocalDate overdueFor) {

        Occurrence with(Status newStatus, LocalDate newDue, LocalDate newDoneOn, String newOutcome, String newReason) {
            return new Occurrence(occurrenceId, plannedDate, newDue, newStatus, newDoneOn, newOutcome, newReason,
                    dueSoonFor, overdueFor);
        }
    }

    /** Everything about an activity but its schedule. */
    record Details(String title, String description, ActivityKind kind, List<String> targetGroups, String channel,
                   List<Responsible> responsible, String need, String how, BigDecimal budgetSek, String comment) { }

    String activityId;
    String associationId;
    String planId;
    Details details;
    ActivitySchedule schedule;
    final Map<String, Occurrence> occurrences = new LinkedHashMap<>();

    boolean exists() {
        return activityId != null;
    }

    void apply(ActivityEvent event) {
        if (event instanceof ActivityScheduled e) {
            activityId = e.activityId();
            associationId = e.associationId();
            planId = e.planId();
            details = new Details(e.title(), e.description(), e.kind(), e.targetGroups(), e.channel(), e.responsible(),
                    e.need(), e.how(), e.budgetSek(), e.comment());
            schedule = e.schedule();
            plan(e.occurrences());
        } else if (event instanceof ActivityDetailsChanged e) {
            details = new Details(e.title(), e.description(), e.kind(), e.targetGroups(), e.channel(), e.responsible(),
                    e.need(), e.how(), e.budgetSek(), e.comment());
        } else if (event instanceof ActivityRescheduled e) {
            schedule = e.schedule();
            plan(e.occurrences());
        } else if (event instanceof ActivityOccurrenceStarted e) {
            update(e.occurrenceId(), o -> o.with(Status.IN_PROGRESS, o.dueDate(), null, null, o.reason()));
        } else if (event instanceof ActivityOccurrenceCompleted e) {
            update(e.occurrenceId(), o -> o.with(Status.DONE, o.dueDate(), e.doneOn(), e.outcome(), o.reason()));
        } else if (event instanceof ActivityOccurrencePostponed e) {
            update(e.occurrenceId(), o -> o.with(Status.POSTPONED, e.newDate(), null, null, e.reason()));
        } else if (event instanceof ActivityOccurrenceCancelled e) {
            update(e.occurrenceId(), o -> o.with(Status.CANCELLED, o.dueDate(), null, null, e.reason()));
        } else if (event instanceof ActivityOccurrenceMoved e) {
            update(e.occurrenceId(), o -> new Occurrence(o.occurrenceId(), e.newDate(), e.newDate(), o.status(), o.doneOn(),
                    o.outcome(), o.reason(), o.dueSoonFor(), o.overdueFor()));
        } else if (event instanceof ActivityDueSoon e) {
            update(e.occurrenceId(), o -> new Occurrence(o.occurrenceId(), o.plannedDate(), o.dueDate(), o.status(),
                    o.doneOn(), o.outcome(), o.reason(), e.dueDate(), o.overdueFor()));
        } else if (event instanceof ActivityOverdue e) {
            update(e.occurrenceId(), o -> new Occurrence(o.occurrenceId(), o.plannedDate(), o.dueDate(), o.status(),
                    o.doneOn(), o.outcome(), o.reason(), o.dueSoonFor(), e.dueDate()));
        }
    }

    /**
     * A (re)schedule: occurrences keep their state where their id stays; a done one is kept even if
     * the new schedule no longer has it; the others follow the new list.
     */
    private void plan(List<PlannedOccurrence> planned) {
        Map<String, Occurrence> previous = new LinkedHashMap<>(occurrences);
        occurrences.clear();
        for (PlannedOccurrence p : planned) {
            Occurrence before = previous.remove(p.occurrenceId());
            occurrences.put(p.occurrenceId(), before == null
                    ? new Occurrence(p.occurrenceId(), p.dueDate(), p.dueDate(), Status.PLANNED, null, null, null, null, null)
                    : new Occurrence(p.occurrenceId(), p.dueDate(),
                    before.status() == Status.POSTPONED ? before.dueDate() : p.dueDate(), before.status(),
                    before.doneOn(), before.outcome(), before.reason(), before.dueSoonFor(), before.overdueFor()));
        }
        previous.values().stream().filter(o -> o.status() == Status.DONE).forEach(o -> occurrences.put(o.occurrenceId(), o));
    }

    private void update(String occurrenceId, java.util.function.UnaryOperator<Occurrence> change) {
        Occurrence occurrence = occurrences.get(occurrenceId);
        if (occurrence != null) {
            occurrences.put(occurrenceId, change.apply(occurrence));
        }
    }

    ActivityView view(long sequence, List<ActivityView.Warning> warnings) {
        return new ActivityView(activityId, associationId, planId, details.title(), details.description(), details.kind(),
                details.targetGroups(), details.channel(), details.responsible(), details.need(), details.how(),
                details.budgetSek(), details.comment(), schedule, List.copyOf(occurrences.values()), sequence, warnings);
    }
}
