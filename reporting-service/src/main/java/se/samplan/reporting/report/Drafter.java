package se.samplan.reporting.report;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samplan.events.plan.Rating;
import se.samplan.events.report.MilestoneRow;
import se.samplan.events.report.ParameterRating;
import se.samplan.events.report.ParameterRating.Parameter;
import se.samplan.events.report.ReportContent;
import se.samplan.events.report.ReportItem;
import se.samplan.events.report.ReportPeriod;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drafts a status report from what the events say: the occurrences done in the period are its
 * results, the open ones due in the next period its planned actions, the plan's milestones as they
 * stand (with every forecast move since the previous report) its milestone table, the plan's risks
 * its risks; ratings, user perspective and open questions carry over from the previous report.
 */
@Component
class Drafter {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final JdbcTemplate jdbc;

    Drafter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The previous report a draft builds on: its content and when it was submitted. */
    record Previous(String reportId, ReportContent content, Instant submittedAt) {
    }

    /**
     * Only activities of the plan's own association count: activity-service takes a plan it has not
     * heard of yet on trust, so an activity of another association may name this plan's id.
     */
    ReportContent draft(String planId, ReportPeriod period, Previous previous) {
        List<ReportItem> results = jdbc.query("""
                        SELECT o.activity_id, o.occurrence_id, o.done_on, o.outcome, d.title, d.channel
                          FROM activity_occurrence o JOIN activity_detail d ON d.activity_id = o.activity_id
                         WHERE o.plan_id = ? AND o.association_id = (SELECT p.association_id FROM plan_overview p WHERE p.plan_id = o.plan_id)
                           AND o.status = 'DONE' AND o.scheduled AND o.done_on BETWEEN ? AND ?
                         ORDER BY o.done_on, d.title, o.occurrence_id""",
                (rs, row) -> new ReportItem(rs.getString("outcome") == null || rs.getString("outcome").isBlank()
                        ? rs.getString("title") : rs.getString("title") + " – " + rs.getString("outcome"),
                        rs.getString("channel"), rs.getString("activity_id"), rs.getString("occurrence_id"),
                        rs.getDate("done_on").toLocalDate()),
                planId, Date.valueOf(period.start()), Date.valueOf(period.end()));
        List<ReportItem> planned = Periods.next(period).map(next -> jdbc.query("""
                        SELECT o.activity_id, o.occurrence_id, o.due_date, d.title, d.channel
                          FROM activity_occurrence o JOIN activity_detail d ON d.activity_id = o.activity_id
                         WHERE o.plan_id = ? AND o.association_id = (SELECT p.association_id FROM plan_overview p WHERE p.plan_id = o.plan_id)
                           AND o.status IN ('PLANNED', 'IN_PROGRESS', 'POSTPONED') AND o.scheduled
                           AND o.due_date BETWEEN ? AND ?
                         ORDER BY o.due_date, d.title, o.occurrence_id""",
                (rs, row) -> new ReportItem(rs.getString("title"), rs.getString("channel"), rs.getString("activity_id"),
                        rs.getString("occurrence_id"), rs.getDate("due_date").toLocalDate()),
                planId, Date.valueOf(next.start()), Date.valueOf(next.end()))).orElse(List.of());
        List<String> risks = jdbc.query("""
                        SELECT description, mitigation FROM plan_risk WHERE plan_id = ? ORDER BY added_at, risk_id""",
                (rs, row) -> rs.getString("mitigation") == null || rs.getString("mitigation").isBlank()
                        ? rs.getString("description") : rs.getString("description") + " – " + rs.getString("mitigation"),
                planId);
        return new ReportContent(results, planned,
                previous == null ? null : previous.content().userPerspective(),
                previous == null ? unrated() : carried(previous.content().parameters()),
                milestones(planId, previous == null ? null : previous.submittedAt()),
                risks,
                previous == null ? List.of() : previous.content().openQuestions());
    }

    /** The plan's milestones as they stand, each with its forecast moves after {@code since} (all when null). */
    List<MilestoneRow> milestones(String planId, Instant since) {
        Map<String, List<MilestoneRow.ForecastMove>> moves = new HashMap<>();
        jdbc.query("""
                        SELECT milestone_id, occurred_at, previous_date, new_date, reason FROM milestone_move
                         WHERE plan_id = ? AND kind = 'FORECAST' AND occurred_at > ? ORDER BY occurred_at, event_id""",
                rs -> {
                    moves.computeIfAbsent(rs.getString("milestone_id"), m -> new ArrayList<>()).add(new MilestoneRow.ForecastMove(
                            rs.getTimestamp("occurred_at").toInstant().atZone(SWEDEN).toLocalDate(), local(rs.getDate("previous_date")),
                            local(rs.getDate("new_date")), rs.getString("reason")));
                }, planId, Timestamp.from(since == null ? Instant.EPOCH : since));
        return jdbc.query("""
                        SELECT milestone_id, name, target_date, forecast_date, status FROM milestone_state
                         WHERE plan_id = ? AND NOT removed ORDER BY coalesce(forecast_date, target_date) NULLS FIRST, name""",
                (rs, row) -> new MilestoneRow(rs.getString("milestone_id"), rs.getString("name"), local(rs.getDate("target_date")),
                        local(rs.getDate("forecast_date")), Rating.valueOf(rs.getString("status")),
                        moves.getOrDefault(rs.getString("milestone_id"), List.of())),
                planId);
    }

    static List<ParameterRating> unrated() {
        return Arrays.stream(Parameter.values()).map(p -> new ParameterRating(p, null, null)).toList();
    }

    /** The previous ratings, every parameter present once and in the template's order. */
    static List<ParameterRating> carried(List<ParameterRating> previous) {
        Map<Parameter, ParameterRating> byParameter = new HashMap<>();
        previous.forEach(p -> byParameter.put(p.parameter(), p));
        return Arrays.stream(Parameter.values()).map(p -> byParameter.getOrDefault(p, new ParameterRating(p, null, null))).toList();
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
