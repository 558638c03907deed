package se.samplan.plan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.samplan.events.plan.PlanClosed;
import se.samplan.plan.web.Caller;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Retention of closed plans: after the association's period, a closed plan is archived: its
 * complete history is kept (JSON and PDF) and its events are removed from the event store. A dry
 * run says what would be archived and changes nothing. A plan is archived only once the Kafka
 * publisher has passed all its events, so nothing removed was never published.
 */
@RestController
@RequestMapping("/api/plans/retention")
@Tag(name = "Retention")
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final long LOCK = 0x5A4D_504C_414EL;   // one archiver at a time across instances

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final ObjectMapper mapper;
    private final Clock clock;

    Retention(JdbcTemplate jdbc, EventStore eventStore, TransactionTemplate transaction, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.transaction = transaction;
        this.mapper = mapper;
        this.clock = Clock.system(java.time.ZoneId.of("Europe/Stockholm"));
    }

    record Setting(@Min(1) @Max(36_500) int keepClosedDays) { }

    /** A plan that is, or in a dry run would be, archived. */
    record Archived(String planId, String title, LocalDate closedOn, boolean dryRun) { }

    @GetMapping
    @Operation(summary = "How long the caller's association keeps closed plans (days); none set: kept for ever")
    ResponseEntity<Setting> setting(Caller caller) {
        return jdbc.query("SELECT keep_closed_days FROM retention_setting WHERE association_id = ?",
                        (rs, row) -> new Setting(rs.getInt(1)), caller.associationId()).stream().findFirst()
                .map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @PutMapping
    @Operation(summary = "Set how many days closed plans are kept before they are archived (admins)")
    Setting set(Caller caller, @Valid @RequestBody Setting body) {
        admin(caller);
        jdbc.update("""
                INSERT INTO retention_setting (association_id, keep_closed_days) VALUES (?, ?)
                ON CONFLICT (association_id) DO UPDATE SET keep_closed_days = EXCLUDED.keep_closed_days""",
                caller.associationId(), body.keepClosedDays());
        return body;
    }

    @PostMapping("/runs")
    @Operation(summary = "Archive the caller's association's closed plans past retention now; dryRun=true only lists them (admins)")
    List<Archived> run(Caller caller, @RequestParam(defaultValue = "true") boolean dryRun) {
        admin(caller);
        return archive(caller.associationId(), dryRun);
    }

    @GetMapping("/archive/{planId}")
    @Operation(summary = "The kept history of an archived plan")
    JsonNode archived(Caller caller, @PathVariable String planId) {
        return jdbc.query("SELECT history::text FROM plan_archive WHERE plan_id = ? AND association_id = ?",
                        (rs, row) -> read(rs.getString(1)), planId, caller.associationId()).stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No archived plan " + planId));
    }

    @GetMapping(value = "/archive/{planId}/history.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The kept history of an archived plan, as PDF")
    byte[] archivedPdf(Caller caller, @PathVariable String planId) {
        return jdbc.query("SELECT history_pdf FROM plan_archive WHERE plan_id = ? AND association_id = ?",
                        (rs, row) -> rs.getBytes(1), planId, caller.associationId()).stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No archived plan " + planId));
    }

    /** Daily, for every association with a retention period; one instance at a time. */
    @Scheduled(cron = "${samplan.retention.cron:0 15 3 * * *}", zone = "Europe/Stockholm")
    void nightly() {
        Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_lock(?)", Boolean.class, LOCK);
        if (!Boolean.TRUE.equals(locked)) {
            return;
        }
        try {
            jdbc.queryForList("SELECT association_id FROM retention_setting", String.class)
                    .forEach(association -> archive(association, false));
        } finally {
            jdbc.queryForObject("SELECT pg_advisory_unlock(?)", Boolean.class, LOCK);
        }
    }

    List<Archived> archive(String association, boolean dryRun) {
        Integer keep = jdbc.query("SELECT keep_closed_days FROM retention_setting WHERE association_id = ?",
                (rs, row) -> rs.getInt(1), association).stream().findFirst().orElse(null);
        if (keep == null) {
            return List.of();
        }
        LocalDate cutoff = LocalDate.now(clock).minusDays(keep);
        List<Archived> archived = new ArrayList<>();
        for (String planId : closedPlans()) {
            List<? extends DomainEventMessage<?>> events = eventStore.readEvents(planId).asStream().toList();
            PlanView plan = PlanView.current(events.stream());
            if (plan == null || !plan.associationId().equals(association) || !"CLOSED".equals(plan.status())) {
                continue;
            }
            LocalDate closedOn = events.stream().map(DomainEventMessage::getPayload).filter(PlanClosed.class::isInstance)
                    .map(p -> ((PlanClosed) p).closedOn()).reduce((a, b) -> b).orElseThrow();
            if (!closedOn.isBefore(cutoff) || !published(planId)) {
                continue;
            }
            archived.add(new Archived(planId, plan.title(), closedOn, dryRun));
            if (!dryRun) {
                List<PlanHistory.Entry> history = PlanHistory.of(events.stream());
                byte[] pdf = PlanHistoryController.render(plan, history);
                transaction.executeWithoutResult(status -> {
                    jdbc.update("""
                            INSERT INTO plan_archive (plan_id, association_id, title, closed_on, archived_at, history, history_pdf)
                            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""", planId, association, plan.title(), Date.valueOf(closedOn),
                            Timestamp.from(Instant.now()), write(history), pdf);
                    jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", planId);
                    jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", planId);
                });
                log.info("Archived closed plan {} of {} (closed {})", planId, association, closedOn);
            }
        }
        return archived;
    }

    /** Plans with a PlanClosed event: the candidates. */
    private List<String> closedPlans() {
        return jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE payload_type = ?",
                String.class, PlanClosed.class.getName());
    }

    /** Whether the Kafka publisher's token has passed every event of the plan (none in its gaps). */
    private boolean published(String planId) {
        List<byte[]> tokens = jdbc.query("SELECT token FROM token_entry WHERE processor_name = 'kafka-publisher' AND token IS NOT NULL",
                (rs, row) -> rs.getBytes(1));
        if (tokens.isEmpty()) {
            return false;
        }
        JsonNode token = read(new String(tokens.get(0), java.nio.charset.StandardCharsets.UTF_8));
        long index = token.path("index").asLong(-1);
        List<Long> gaps = new ArrayList<>();
        token.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
        List<Long> mine = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, planId);
        return mine.stream().allMatch(i -> i <= index && !gaps.contains(i));
    }

    private static void admin(Caller caller) {
        caller.require(Caller.Work.ADMINISTRATION);
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
