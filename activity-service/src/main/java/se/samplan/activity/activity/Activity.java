package se.samplan.activity.activity;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.spring.stereotype.Aggregate;
import se.samplan.activity.DomainRuleViolated;
import se.samplan.activity.TransitionRejected;
import se.samplan.activity.activity.ActivityCommands.*;
import se.samplan.activity.activity.ActivityDocument.Details;
import se.samplan.activity.activity.ActivityDocument.Occurrence;
import se.samplan.activity.activity.ActivityDocument.Status;
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
import se.samplan.events.activity.ScheduleKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One activity of an association's activity plan, with its occurrences. Occurrences go
 * PLANNED → IN_PROGRESS → DONE, and may be POSTPONED (to a new date) or CANCELLED while open.
 * Reminders (due soon, overdue) are events of the activity, emitted once per occurrence and due
 * date however often the scheduler asks.
 */
@Aggregate
class Activity {

    static final int MAX_TITLE_LENGTH = 300;
    static final int MAX_TEXT_LENGTH = 20_000;

    @AggregateIdentifier
    private String activityId;
    private final ActivityDocument document = new ActivityDocument();

    Activity() {
        // for Axon: the state is rebuilt from the events
    }

    @CommandHandler
    Activity(ScheduleActivity command) {
        if (command.planId() == null || command.planId().isBlank()) {
            throw new DomainRuleViolated("planId", "An activity belongs to a plan");
        }
        Details details = checked(command.details());
        List<PlannedOccurrence> occurrences = Schedules.occurrences(command.schedule(), command.milestoneDate(), command.horizon());
        apply(new ActivityScheduled(command.activityId(), command.associationId(), command.planId(), details.title(),
                details.description(), details.kind(), details.targetGroups(), details.channel(), details.responsible(),
                details.need(), details.how(), details.budgetSek(), details.comment(), command.schedule(), occurrences));
    }

    @CommandHandler
    void handle(ChangeActivityDetails command, ConflictResolver conflicts) {
        onlyPeopleConflict(conflicts);
        Details d = checked(command.details());
        apply(new ActivityDetailsChanged(activityId, document.associationId, document.planId, d.title(), d.description(),
                d.kind(), d.targetGroups(), d.channel(), d.responsible(), d.need(), d.how(), d.budgetSek(), d.comment()));
    }

    @CommandHandler
    void handle(RescheduleActivity command, ConflictResolver conflicts) {
        onlyPeopleConflict(conflicts);
        List<PlannedOccurrence> occurrences = Schedules.occurrences(command.schedule(), command.milestoneDate(), command.horizon());
        apply(new ActivityRescheduled(activityId, document.associationId, document.planId, command.schedule(), occurrences));
    }

    @CommandHandler
    void handle(StartOccurrence command, ConflictResolver conflicts) {
        onlyPeopleConflict(conflicts);
        Occurrence occurrence = open(command.occurrenceId());
        if (occurrence.status() == Status.IN_PROGRESS) {
            throw new TransitionRejected("Occurrence " + command.occurrenceId() + " is already in progress");
        }
        apply(new ActivityOccurrenceStarted(activityId, document.associationId, document.planId, command.occurrenceId()));
    }

    @CommandHandler
    void handle(CompleteOccurrence command, ConflictResolver conflicts) {
        onlyPeopleConflict(conflicts);
        open(command.occurrenceId());
        if (command.doneOn() == null) {
            throw new DomainRuleViolated("doneOn", "Say when it was done");
        }
        if (command.costSek() != null && (command.costSek().signum() < 0 || command.costSek().stripTrailingZeros().scale() > 2)) {
            throw new DomainRuleViolated("costSek", "A cost in SEK is not negative and has at most two decimals (öre)");
        }
        apply(new ActivityOccurrenceCompleted(activityId, document.associationId, document.planId, command.occurrenceId(),
                command.doneOn(), text("outcome", command.outcome()), command.costSek()));
    }

    @CommandHandler
    void handle(PostponeOccurrence command, ConflictResolver conflicts) {
        onlyPeopleConflict(conflicts);
        Occurrence occurrence = open(command.occurrenceId());
        if (command.newDate() == null) {
            throw new DomainRuleViolated("newDate", "A postponed occurrence needs its new date");
        }
        if (command.newDate().equals(occurrence.dueDate())) {
            throw new DomainRuleViolated("newDate", "The occurrence is already due " + command.newDate());
        }
        apply(new ActivityOccurrencePostponed(activityId, document.associationId, document.planId, command.occurrenceId(),
                occurrence.dueDate(), command.newDate(), text("reason", command.reason())));
    }

    @CommandHandler
    void handle(CancelOccurrence command, ConflictResolver conflicts) {
        onlyPeopleConflict(conflicts);
        open(command.occurrenceId());
        apply(new ActivityOccurrenceCancelled(activityId, document.associationId, document.planId, command.occurrenceId(),
                text("reason", command.reason())));
    }

    @CommandHandler
    void handle(FollowMilestone command) {
        ActivitySchedule schedule = document.schedule;
        if (schedule.kind() != ScheduleKind.MILESTONE || !schedule.milestoneId().equals(command.milestoneId())) {
            return;
        }
        LocalDate due = Schedules.relativeTo(schedule, command.milestoneDate());
        for (Occurrence occurrence : document.occurrences.values()) {
            // A postponed, done or cancelled occurrence has left the milestone's schedule.
            if (occurrence.status() != Status.POSTPONED && occurrence.status().open() && !Objects.equals(occurrence.dueDate(), due)) {
                apply(new ActivityOccurrenceMoved(activityId, document.associationId, document.planId,
                        occurrence.occurrenceId(), occurrence.dueDate(), due, command.milestoneId()));
            }
        }
    }

    @CommandHandler
    void handle(RemindDueSoon command) {
        Occurrence occurrence = document.occurrences.get(command.occurrenceId());
        if (occurrence == null || !occurrence.status().open() || occurrence.dueDate() == null
                || occurrence.dueDate().equals(occurrence.dueSoonFor())) {
            return;
        }
        LocalDate due = occurrence.dueDate();
        if (!command.today().isAfter(due) && !command.today().isBefore(due.minusDays(command.leadDays()))) {
            apply(new ActivityDueSoon(activityId, document.associationId, document.planId, occurrence.occurrenceId(), due,
                    command.leadDays()));
        }
    }

    @CommandHandler
    void handle(ReportOverdue command) {
        Occurrence occurrence = document.occurrences.get(command.occurrenceId());
        if (occurrence == null || !occurrence.status().open() || occurrence.dueDate() == null
                || occurrence.dueDate().equals(occurrence.overdueFor())) {
            return;
        }
        if (command.today().isAfter(occurrence.dueDate())) {
            apply(new ActivityOverdue(activityId, document.associationId, document.planId, occurrence.occurrenceId(),
                    occurrence.dueDate()));
        }
    }

    @EventSourcingHandler
    void on(ActivityEvent event) {
        if (event instanceof ActivityScheduled scheduled) {
            activityId = scheduled.activityId();
        }
        document.apply(event);
    }

    /**
     * A writer's If-Match version is stale only if a person changed the activity since: reminders
     * and milestone moves the platform added meanwhile do not make an edit conflict.
     */
    private static void onlyPeopleConflict(ConflictResolver conflicts) {
        conflicts.detectConflicts(unseen -> unseen.stream().anyMatch(event -> !(event.getPayload() instanceof ActivityDueSoon
                || event.getPayload() instanceof ActivityOverdue || event.getPayload() instanceof ActivityOccurrenceMoved)));
    }

    private Occurrence open(String occurrenceId) {
        Occurrence occurrence = occurrenceId == null ? null : document.occurrences.get(occurrenceId);
        if (occurrence == null) {
            throw new DomainRuleViolated("occurrenceId", "No occurrence " + occurrenceId + " of this activity");
        }
        if (!occurrence.status().open()) {
            throw new TransitionRejected("Occurrence " + occurrenceId + " is " + occurrence.status() + " already");
        }
        return occurrence;
    }

    static Details checked(Details details) {
        if (details == null || details.title() == null || details.title().isBlank()) {
            throw new DomainRuleViolated("title", "An activity needs a title");
        }
        if (details.title().length() > MAX_TITLE_LENGTH) {
            throw new DomainRuleViolated("title", "An activity's title has at most " + MAX_TITLE_LENGTH + " characters");
        }
        BigDecimal budget = details.budgetSek();
        if (budget != null && budget.signum() < 0) {
            throw new DomainRuleViolated("budgetSek", "A budget is not negative");
        }
        if (budget != null && budget.stripTrailingZeros().scale() > 2) {
            throw new DomainRuleViolated("budgetSek", "A budget in SEK has at most two decimals (öre)");
        }
        List<String> groups = new ArrayList<>();
        for (String group : details.targetGroups() == null ? List.<String>of() : details.targetGroups()) {
            if (group == null || group.isBlank()) {
                throw new DomainRuleViolated("targetGroups", "A target group needs a name");
            }
            groups.add(group.strip());
        }
        List<Responsible> responsible = details.responsible() == null ? List.of() : details.responsible();
        for (Responsible r : responsible) {
            if (r == null || r.ref().isBlank()) {
                throw new DomainRuleViolated("responsible", "Name the person or the role responsible");
            }
        }
        return new Details(details.title().strip(), text("description", details.description()),
                details.kind() == null ? ActivityKind.ACTIVITY : details.kind(), List.copyOf(groups),
                text("channel", details.channel()), List.copyOf(responsible), text("need", details.need()),
                text("how", details.how()), budget, text("comment", details.comment()));
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new DomainRuleViolated(field, field + " has at most " + MAX_TEXT_LENGTH + " characters");
        }
        return value.strip();
    }
}
