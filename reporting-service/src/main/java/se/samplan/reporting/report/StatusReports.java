package se.samplan.reporting.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.events.EventJson;
import se.samplan.events.report.ParameterRating;
import se.samplan.events.report.ParameterRating.Parameter;
import se.samplan.events.report.ReportContent;
import se.samplan.events.report.ReportItem;
import se.samplan.events.report.ReportPeriod;
import se.samplan.events.report.StatusReportDrafted;
import se.samplan.events.report.StatusReportEdited;
import se.samplan.events.report.StatusReportSubmitted;
import se.samplan.reporting.plan.PlanAccess;
import se.samplan.reporting.plan.PlanAccess.PlanRef;
import se.samplan.reporting.web.Caller;
import se.samplan.reporting.web.RequestRejected;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Status reports: opened as a draft drafted from events, edited, submitted and then frozen. Each
 * change is one transaction that updates the report's row and appends its event (history and
 * outbox to Kafka); If-Match carries the version the author read, so a stale write changes nothing.
 */
@Component
class StatusReports {

    static final String ADHOC = "adhoc";
    private static final int MAX_ITEMS = 500;
    private static final int MAX_TEXT = 4000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PlanAccess plans;
    private final Cadences cadences;
    private final Drafter drafter;
    private final ReportEvents events;
    private final ObjectMapper json = EventJson.mapper();
    private final Clock clock;

    StatusReports(JdbcTemplate jdbc, TransactionTemplate transaction, PlanAccess plans, Cadences cadences, Drafter drafter,
                  ReportEvents events, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.plans = plans;
        this.cadences = cadences;
        this.drafter = drafter;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A status report as stored. */
    record StoredReport(String reportId, String associationId, String planId, String cadenceId, String title, String recipient,
                        ReportPeriod period, String previousReportId, String status, ReportContent content, long version,
                        Instant createdAt, String createdBy, Instant updatedAt, Instant submittedAt, String submittedBy) {
    }

    private final RowMapper<StoredReport> row = (rs, n) -> new StoredReport(rs.getString("report_id"),
            rs.getString("association_id"), rs.getString("plan_id"), rs.getString("cadence_id"), rs.getString("title"),
            rs.getString("recipient"), new ReportPeriod(ReportPeriod.Kind.valueOf(rs.getString("period_kind")),
            rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate()), rs.getString("previous_report_id"),
            rs.getString("status"), content(rs.getString("content")), rs.getLong("version"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(),
            rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"));

    static String reportId(String planId, String cadenceId, ReportPeriod period) {
        return planId + ":" + cadenceId + ":" + Periods.key(period);
    }

    /** Opens the draft of a plan's report for a period, drafted from events; 409 if it exists. */
    StoredReport open(Caller caller, String planId, String periodKey, String cadenceId, String title, String recipient) {
        PlanRef plan = plans.writable(caller, planId);
        ReportPeriod period = Periods.parse(periodKey, plan.periodStart(), plan.periodEnd());
        String cadence = cadenceId == null || cadenceId.isBlank() ? ADHOC : cadenceId.strip();
        String to = recipient;
        if (!ADHOC.equals(cadence)) {
            Cadences.Cadence c = cadences.find(planId, cadence)
                    .orElseThrow(() -> RequestRejected.invalid("cadenceId", "The plan has no reporting cadence " + cadenceId));
            to = to == null ? c.recipient() : to;
        }
        String reportTitle = title == null || title.isBlank() ? Periods.title(period) : title.strip();
        checkText("title", reportTitle, 300);
        checkText("recipient", to, 300);
        String reportId = reportId(planId, cadence, period);
        String recipientFinal = to;
        return transaction.execute(status -> {
            if (find(reportId).isPresent()) {
                throw RequestRejected.conflict("The report " + reportId + " is open already: read it and go on with it");
            }
            Drafter.Previous previous = previous(planId, cadence, period.start()).orElse(null);
            ReportContent content = drafter.draft(planId, period, previous);
            Instant now = clock.instant();
            long version = events.append(reportId, planId, new StatusReportDrafted(reportId, plan.associationId(), planId, cadence,
                    reportTitle, recipientFinal, period, previous == null ? null : previous.reportId(), content), caller.userId(), now);
            int inserted = jdbc.update("""
                    INSERT INTO status_report (report_id, association_id, plan_id, cadence_id, title, recipient, period_kind,
                                               period_start, period_end, previous_report_id, status, content, version,
                                               created_at, created_by, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?::jsonb, ?, ?, ?, ?) ON CONFLICT (report_id) DO NOTHING""",
                    reportId, plan.associationId(), planId, cadence, reportTitle, recipientFinal, period.kind().name(),
                    Date.valueOf(period.start()), Date.valueOf(period.end()), previous == null ? null : previous.reportId(),
                    write(content), version, Timestamp.from(now), caller.userId(), Timestamp.from(now));
            if (inserted == 0) {
                // Opened by someone else at the same moment: this transaction's event goes with it.
                status.setRollbackOnly();
                throw RequestRejected.conflict("The report " + reportId + " is open already: read it and go on with it");
            }
            return find(reportId).orElseThrow();
        });
    }

    /** Replaces a draft's title and content; a submitted report is frozen (409). */
    StoredReport edit(Caller caller, String reportId, long expectedVersion, String title, ReportContent content) {
        Objects.requireNonNull(content);
        validate(content);
        checkText("title", title, 300);
        return transaction.execute(status -> {
            StoredReport report = lockedDraft(caller, reportId, expectedVersion);
            String newTitle = title == null || title.isBlank() ? report.title() : title.strip();
            long version = events.append(reportId, report.planId(), new StatusReportEdited(reportId, report.associationId(),
                    report.planId(), newTitle, content), caller.userId(), clock.instant());
            jdbc.update("UPDATE status_report SET title = ?, content = ?::jsonb, version = ?, updated_at = ? WHERE report_id = ?",
                    newTitle, write(content), version, Timestamp.from(clock.instant()), reportId);
            return find(reportId).orElseThrow();
        });
    }

    /** Submits a draft: from now on it is frozen. It needs an overall rating. */
    StoredReport submit(Caller caller, String reportId, long expectedVersion) {
        return transaction.execute(status -> {
            StoredReport report = lockedDraft(caller, reportId, expectedVersion);
            boolean rated = report.content().parameters().stream()
                    .anyMatch(p -> p.parameter() == Parameter.OVERALL && p.rating() != null);
            if (!rated) {
                throw RequestRejected.invalid("content.parameters.OVERALL",
                        "Rate the overall status G, O or R before the report is submitted");
            }
            Instant now = clock.instant();
            long version = events.append(reportId, report.planId(), new StatusReportSubmitted(reportId, report.associationId(),
                    report.planId(), report.period(), LocalDate.ofInstant(now, Drafter.SWEDEN),
                    report.content().parameters().stream().filter(p -> p.rating() != null).toList()), caller.userId(), now);
            jdbc.update("""
                    UPDATE status_report SET status = 'SUBMITTED', version = ?, updated_at = ?, submitted_at = ?, submitted_by = ?
                     WHERE report_id = ?""", version, Timestamp.from(now), Timestamp.from(now), caller.userId(), reportId);
            return find(reportId).orElseThrow();
        });
    }

    /** The report if the caller's association owns it or is a partner of its plan. */
    StoredReport readable(Caller caller, String reportId) {
        StoredReport report = find(reportId).orElseThrow(() -> RequestRejected.notFound("No report " + reportId));
        plans.readable(caller, report.planId());
        return report;
    }

    Optional<StoredReport> find(String reportId) {
        return jdbc.query("SELECT * FROM status_report WHERE report_id = ?", row, reportId).stream().findFirst();
    }

    List<StoredReport> ofPlan(String planId) {
        return jdbc.query("SELECT * FROM status_report WHERE plan_id = ? ORDER BY period_start DESC, report_id", row, planId);
    }

    /** The report this one follows: the plan's latest submitted before {@code periodStart}, same cadence first. */
    Optional<Drafter.Previous> previous(String planId, String cadenceId, LocalDate periodStart) {
        return jdbc.query("""
                        SELECT report_id, content, submitted_at FROM status_report
                         WHERE plan_id = ? AND status = 'SUBMITTED' AND period_start < ?
                         ORDER BY (cadence_id = ?) DESC, period_end DESC, submitted_at DESC LIMIT 1""",
                (rs, n) -> new Drafter.Previous(rs.getString("report_id"), content(rs.getString("content")),
                        rs.getTimestamp("submitted_at").toInstant()),
                planId, Date.valueOf(periodStart), cadenceId).stream().findFirst();
    }

    /** What a report's events were: type, who and when, for its history. */
    List<Map<String, Object>> history(String reportId) {
        return jdbc.queryForList("""
                SELECT sequence, type, occurred_at AS "at", actor FROM report_event WHERE report_id = ? ORDER BY sequence""", reportId);
    }

    private StoredReport lockedDraft(Caller caller, String reportId, long expectedVersion) {
        StoredReport report = jdbc.query("SELECT * FROM status_report WHERE report_id = ? FOR UPDATE", row, reportId)
                .stream().findFirst()
                .filter(r -> r.associationId().equals(caller.associationId()))
                .orElseThrow(() -> RequestRejected.notFound("No report " + reportId));
        plans.writable(caller, report.planId());
        if ("SUBMITTED".equals(report.status())) {
            throw RequestRejected.conflict("The report was submitted and is frozen: open the next period's report instead");
        }
        if (report.version() != expectedVersion) {
            throw RequestRejected.conflict("The report was changed since you read it: read it again and repeat your change");
        }
        return report;
    }

    /** Names the first field of the content that cannot be stored. */
    static void validate(ReportContent content) {
        items("content.results", content.results());
        items("content.plannedActions", content.plannedActions());
        checkText("content.userPerspective", content.userPerspective(), 20_000);
        Set<Parameter> seen = EnumSet.noneOf(Parameter.class);
        for (int i = 0; i < content.parameters().size(); i++) {
            ParameterRating p = content.parameters().get(i);
            if (!seen.add(p.parameter())) {
                throw RequestRejected.invalid("content.parameters[" + i + "].parameter", p.parameter() + " is rated twice");
            }
            checkText("content.parameters[" + i + "].comment", p.comment(), MAX_TEXT);
        }
        if (content.milestones().size() > MAX_ITEMS) {
            throw RequestRejected.invalid("content.milestones", "At most " + MAX_ITEMS + " milestones");
        }
        texts("content.risks", content.risks());
        texts("content.openQuestions", content.openQuestions());
    }

    private static void items(String field, List<ReportItem> items) {
        if (items.size() > MAX_ITEMS) {
            throw RequestRejected.invalid(field, "At most " + MAX_ITEMS + " lines");
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).text().isBlank()) {
                throw RequestRejected.invalid(field + "[" + i + "].text", "A line needs a text");
            }
            checkText(field + "[" + i + "].text", items.get(i).text(), MAX_TEXT);
            checkText(field + "[" + i + "].group", items.get(i).group(), 300);
        }
    }

    private static void texts(String field, List<String> texts) {
        if (texts.size() > MAX_ITEMS) {
            throw RequestRejected.invalid(field, "At most " + MAX_ITEMS + " lines");
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null || texts.get(i).isBlank()) {
                throw RequestRejected.invalid(field + "[" + i + "]", "A line needs a text");
            }
            checkText(field + "[" + i + "]", texts.get(i), MAX_TEXT);
        }
    }

    private static void checkText(String field, String text, int max) {
        if (text != null && text.length() > max) {
            throw RequestRejected.invalid(field, "At most " + max + " characters");
        }
    }

    private String write(ReportContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReportContent content(String stored) {
        try {
            return json.readValue(stored, ReportContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What changed since the previous report: ratings, forecasts, milestones and risks that are new. */
    record SincePrevious(String previousReportId, List<RatingChange> ratings, List<ForecastChange> forecasts,
                         List<String> newMilestones, List<String> newRisks) {
    }

    record RatingChange(Parameter parameter, se.samplan.events.plan.Rating from, se.samplan.events.plan.Rating to) {
    }

    record ForecastChange(String milestoneId, String name, LocalDate from, LocalDate to) {
    }

    Optional<SincePrevious> sincePrevious(StoredReport report) {
        if (report.previousReportId() == null) {
            return Optional.empty();
        }
        return find(report.previousReportId()).map(previous -> {
            ReportContent before = previous.content();
            ReportContent now = report.content();
            Map<Parameter, ParameterRating> was = before.parameters().stream()
                    .collect(Collectors.toMap(ParameterRating::parameter, p -> p, (a, b) -> a));
            List<RatingChange> ratings = new ArrayList<>();
            for (ParameterRating p : now.parameters()) {
                se.samplan.events.plan.Rating rated = was.containsKey(p.parameter()) ? was.get(p.parameter()).rating() : null;
                if (!Objects.equals(rated, p.rating())) {
                    ratings.add(new RatingChange(p.parameter(), rated, p.rating()));
                }
            }
            Map<String, se.samplan.events.report.MilestoneRow> rows = before.milestones().stream()
                    .collect(Collectors.toMap(se.samplan.events.report.MilestoneRow::milestoneId, m -> m, (a, b) -> a));
            List<ForecastChange> forecasts = new ArrayList<>();
            List<String> newMilestones = new ArrayList<>();
            for (var m : now.milestones()) {
                var old = rows.get(m.milestoneId());
                if (old == null) {
                    newMilestones.add(m.name());
                } else if (!Objects.equals(old.forecastDate(), m.forecastDate())) {
                    forecasts.add(new ForecastChange(m.milestoneId(), m.name(), old.forecastDate(), m.forecastDate()));
                }
            }
            List<String> newRisks = now.risks().stream().filter(r -> !before.risks().contains(r)).toList();
            return new SincePrevious(previous.reportId(), ratings, forecasts, newMilestones, newRisks);
        });
    }
}
