package se.samplan.activity.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.samplan.activity.activity.ActivityCommands.*;
import se.samplan.activity.plans.PlanAccess;
import se.samplan.activity.plans.PlanReferences;
import se.samplan.activity.web.Caller;

import se.samplan.events.EventContract;
import se.samplan.events.activity.ActivityKind;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.Responsible;
import se.samplan.events.activity.ScheduleKind;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * The activity API. Changes send If-Match with the ETag read (a stale one is a 409 and changes
 * nothing). A due date outside the plan's period is allowed, and said in {@code warnings}.
 */
@RestController
@RequestMapping("/api/activities")
@Tag(name = "Activities")
class ActivityController {

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final PlanReferences plans;
    private final PlanAccess access;
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    /** A setting, not a request parameter (injected on the handler it was documented as a required query parameter). */
    private final int defaultLeadDays;

    ActivityController(CommandGateway commands, EventStore eventStore, PlanReferences plans, PlanAccess access,
                       JdbcTemplate jdbc, ObjectMapper mapper,
                       @org.springframework.beans.factory.annotation.Value("${samplan.reminders.due-soon-lead-days:3}") int defaultLeadDays) {
        this.defaultLeadDays = defaultLeadDays;
        this.commands = commands;
        this.eventStore = eventStore;
        this.plans = plans;
        this.access = access;
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** An activity's details as a client sends them; the association comes from the caller's token. */
    record DetailsBody(@NotBlank @Size(max = Activity.MAX_TITLE_LENGTH) String title, String description,
                       ActivityKind kind, List<@NotBlank String> targetGroups, String channel,
                       List<@Valid @NotNull Responsible> responsible, String need, String how,
                       @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal budgetSek, String comment) {

        ActivityDocument.Details details() {
            return new ActivityDocument.Details(title, description, kind, targetGroups, channel, responsible, need, how,
                    budgetSek, comment);
        }
    }

    record NewActivity(@NotBlank String planId, @NotBlank @Size(max = Activity.MAX_TITLE_LENGTH) String title,
                       String description, ActivityKind kind, List<@NotBlank String> targetGroups, String channel,
                       List<@Valid @NotNull Responsible> responsible, String need, String how,
                       @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal budgetSek, String comment,
                       @NotNull ActivitySchedule schedule) {
    }

    record Completion(@NotNull LocalDate doneOn, String outcome,
                      @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal costSek) { }

    record Postponement(@NotNull LocalDate newDate, String reason) { }

    record Cancellation(String reason) { }

    record LeadTime(@Min(0) @Max(90) int dueSoonLeadDays) { }

    /** One event of an activity's history: what, when, who. */
    record HistoryEntry(long sequence, String type, Instant at, String actor, Object event) { }

    @PostMapping
    @Operation(summary = "Schedule an activity on a plan of the caller's association, or one shared with it to contribute to")
    ResponseEntity<ActivityView> schedule(Caller caller, @Valid @RequestBody NewActivity body) {
        // The activity belongs to the plan's association, also when a contributing partner schedules it.
        PlanAccess.Reach reach = access.writable(caller, body.planId());
        Optional<PlanReferences.PlanRef> plan = plans.plan(body.planId(), reach.association());
        String activityId = UUID.randomUUID().toString();
        ActivityDocument.Details details = new DetailsBody(body.title(), body.description(), body.kind(),
                body.targetGroups(), body.channel(), body.responsible(), body.need(), body.how(), body.budgetSek(),
                body.comment()).details();
        send(caller, reach.association(), new ScheduleActivity(activityId, reach.association(), body.planId(), details,
                body.schedule(), milestoneDate(reach.association(), body.planId(), body.schedule()),
                plan.map(PlanReferences.PlanRef::periodEnd).orElse(null)));
        ActivityView view = readable(caller, activityId);
        return ResponseEntity.created(URI.create("/api/activities/" + activityId)).eTag(view.etag())
                .body(view.withWarnings(warnings(view)));
    }

    @GetMapping
    @Operation(summary = "A plan's activities (of the caller's association, or shared with it), filtered by due period, occurrence status, responsible, kind, target group")
    List<ActivityView> list(Caller caller, @RequestParam String planId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) ActivityDocument.Status status,
                            @RequestParam(required = false) String responsible,
                            @RequestParam(required = false) ActivityKind kind,
                            @RequestParam(required = false) String targetGroup) {
        PlanAccess.Reach reach = access.readable(caller, planId);
        StringBuilder sql = new StringBuilder("SELECT a.view FROM activity_row a WHERE a.association_id = ? AND a.plan_id = ?");
        List<Object> args = new ArrayList<>(List.of(reach.association(), planId));
        if (kind != null) {
            sql.append(" AND a.kind = ?");
            args.add(kind.name());
        }
        if (responsible != null) {
            sql.append(" AND ? = ANY (a.responsible)");
            args.add(responsible);
        }
        if (targetGroup != null) {
            sql.append(" AND ? = ANY (a.target_groups)");
            args.add(targetGroup);
        }
        if (from != null || to != null || status != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM occurrence_row o WHERE o.activity_id = a.activity_id");
            if (from != null) {
                sql.append(" AND o.due_date >= ?");
                args.add(java.sql.Date.valueOf(from));
            }
            if (to != null) {
                sql.append(" AND o.due_date <= ?");
                args.add(java.sql.Date.valueOf(to));
            }
            if (status != null) {
                sql.append(" AND o.status = ?");
                args.add(status.name());
            }
            sql.append(")");
        }
        sql.append(" ORDER BY a.title, a.activity_id");
        return jdbc.query(sql.toString(), (rs, row) -> read(rs.getString(1)), args.toArray());
    }

    @GetMapping("/{activityId}")
    @Operation(summary = "Read one activity of the caller's association, or of a plan shared with it")
    ResponseEntity<ActivityView> get(Caller caller, @PathVariable String activityId) {
        ActivityView view = readable(caller, activityId);
        return ResponseEntity.ok().eTag(view.etag()).body(view.withWarnings(warnings(view)));
    }

    @GetMapping("/{activityId}/history")
    @Operation(summary = "Every event of an activity: what, when and by whom")
    List<HistoryEntry> history(Caller caller, @PathVariable String activityId) {
        readable(caller, activityId);
        List<HistoryEntry> entries = new ArrayList<>();
        eventStore.readEvents(activityId).asStream().forEach((DomainEventMessage<?> event) -> entries.add(new HistoryEntry(
                event.getSequenceNumber(), type(event.getPayloadType()), event.getTimestamp(),
                String.valueOf(event.getMetaData().getOrDefault("actor", "system")), event.getPayload())));
        return entries;
    }

    @PutMapping("/{activityId}/details")
    ResponseEntity<ActivityView> details(Caller caller, @PathVariable String activityId,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody DetailsBody body) {
        return change(caller, activityId, ifMatch, v -> new ChangeActivityDetails(activityId, v, body.details()));
    }

    @PutMapping("/{activityId}/schedule")
    ResponseEntity<ActivityView> reschedule(Caller caller, @PathVariable String activityId,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody ActivitySchedule body) {
        ActivityView current = readable(caller, activityId);
        LocalDate horizon = plans.plan(current.planId(), current.associationId()).map(PlanReferences.PlanRef::periodEnd).orElse(null);
        return change(caller, activityId, ifMatch, v -> new RescheduleActivity(activityId, v, body,
                milestoneDate(current.associationId(), current.planId(), body), horizon));
    }

    @PostMapping("/{activityId}/occurrences/{occurrenceId}/start")
    ResponseEntity<ActivityView> start(Caller caller, @PathVariable String activityId, @PathVariable String occurrenceId,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(caller, activityId, ifMatch, v -> new StartOccurrence(activityId, v, occurrenceId));
    }

    @PostMapping("/{activityId}/occurrences/{occurrenceId}/completion")
    ResponseEntity<ActivityView> complete(Caller caller, @PathVariable String activityId, @PathVariable String occurrenceId,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody Completion body) {
        return change(caller, activityId, ifMatch,
                v -> new CompleteOccurrence(activityId, v, occurrenceId, body.doneOn(), body.outcome(), body.costSek()));
    }

    @PostMapping("/{activityId}/occurrences/{occurrenceId}/postponement")
    ResponseEntity<ActivityView> postpone(Caller caller, @PathVariable String activityId, @PathVariable String occurrenceId,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody Postponement body) {
        return change(caller, activityId, ifMatch,
                v -> new PostponeOccurrence(activityId, v, occurrenceId, body.newDate(), body.reason()));
    }

    @PostMapping("/{activityId}/occurrences/{occurrenceId}/cancellation")
    ResponseEntity<ActivityView> cancel(Caller caller, @PathVariable String activityId, @PathVariable String occurrenceId,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody Cancellation body) {
        return change(caller, activityId, ifMatch, v -> new CancelOccurrence(activityId, v, occurrenceId, body.reason()));
    }

    @GetMapping("/settings")
    @Operation(summary = "The caller's association's reminder settings")
    LeadTime settings(Caller caller) {
        return new LeadTime(jdbc.query("SELECT due_soon_lead_days FROM association_setting WHERE association_id = ?",
                (rs, row) -> rs.getInt(1), caller.associationId()).stream().findFirst().orElse(defaultLeadDays));
    }

    @PutMapping("/settings")
    @Operation(summary = "Set how many days before its due date an activity is 'due soon', for the caller's association (admins)")
    LeadTime setSettings(Caller caller, @Valid @RequestBody LeadTime body) {
        caller.require(Caller.Work.ADMINISTRATION);
        jdbc.update("""
                INSERT INTO association_setting (association_id, due_soon_lead_days) VALUES (?, ?)
                ON CONFLICT (association_id) DO UPDATE SET due_soon_lead_days = EXCLUDED.due_soon_lead_days""",
                caller.associationId(), body.dueSoonLeadDays());
        return body;
    }

    private ResponseEntity<ActivityView> change(Caller caller, String activityId, String ifMatch, LongFunction<Object> command) {
        ActivityView current = readable(caller, activityId);
        if (access.ofActivity(caller, current.associationId(), current.planId()).level() == PlanAccess.Level.READ) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your association may read this plan's activities, not change them");
        }
        caller.require(Caller.Work.ACTIVITIES);
        send(caller, current.associationId(), command.apply(ETags.version(ifMatch)));
        ActivityView view = readable(caller, activityId);
        return ResponseEntity.ok().eTag(view.etag()).body(view.withWarnings(warnings(view)));
    }

    /** The events' tenant is the activity's association: a contributing partner works on the owner's activities. */
    private void send(Caller caller, String association, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(Map.of("tenantId", association, "actor", caller.userId()))));
    }

    /** An activity of another association, not on a plan shared with the caller's, is as absent as one never scheduled. */
    private ActivityView readable(Caller caller, String activityId) {
        ActivityView view = ActivityView.from(eventStore.readEvents(activityId).asStream());
        if (view == null || access.ofActivity(caller, view.associationId(), view.planId()).level() == PlanAccess.Level.NONE) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No activity " + activityId);
        }
        return view;
    }

    /** The milestone's date, only from a plan of the activity's own association. */
    private LocalDate milestoneDate(String association, String planId, ActivitySchedule schedule) {
        return schedule != null && schedule.kind() == ScheduleKind.MILESTONE && schedule.milestoneId() != null
                ? plans.milestoneDate(planId, schedule.milestoneId(), association).orElse(null) : null;
    }

    private List<ActivityView.Warning> warnings(ActivityView view) {
        Optional<PlanReferences.PlanRef> plan = plans.plan(view.planId(), view.associationId());
        if (plan.isEmpty()) {
            return List.of(new ActivityView.Warning("planId", "The plan is not known here yet; its period is not checked"));
        }
        List<ActivityView.Warning> warnings = new ArrayList<>();
        for (ActivityDocument.Occurrence o : view.occurrences()) {
            LocalDate due = o.dueDate();
            if (due != null && ((plan.get().periodStart() != null && due.isBefore(plan.get().periodStart()))
                    || (plan.get().periodEnd() != null && due.isAfter(plan.get().periodEnd())))) {
                warnings.add(new ActivityView.Warning("schedule", "Occurrence " + o.occurrenceId() + " is due " + due
                        + ", outside the plan's period"));
            }
        }
        if (view.schedule().kind() == ScheduleKind.MILESTONE && plans.milestoneDate(view.planId(), view.schedule().milestoneId(), view.associationId()).isEmpty()) {
            warnings.add(new ActivityView.Warning("schedule.milestoneId", "The milestone has no known date yet"));
        }
        return warnings;
    }

    private ActivityView read(String json) {
        try {
            return mapper.readValue(json, ActivityView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable activity row", e);
        }
    }

    private static String type(Class<?> payloadType) {
        EventContract contract = payloadType.getAnnotation(EventContract.class);
        return contract == null ? payloadType.getSimpleName() : contract.type();
    }

}
