package se.samplan.reporting.report;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import se.samplan.events.report.ReportPeriod;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Which reports a plan owes, to whom and when: the plan's reporting cadences. */
@Component
class Cadences {

    enum Frequency { MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY, FINAL }

    /**
     * A reporting cadence.
     *
     * @param cadenceId  e.g. {@code monthly-funder}
     * @param recipient  e.g. "Finansiären", "Styrgruppen"
     * @param frequency  how often
     * @param dueDays    days after the period's end the report is due
     * @param ownerId    the person who writes it
     * @param startsOn   first day of the first period
     * @param endsOn     last day of the last period
     */
    record Cadence(String cadenceId, String planId, String associationId, String recipient, Frequency frequency, int dueDays,
                   String ownerId, LocalDate startsOn, LocalDate endsOn) {

        /** The periods this cadence asks a report for. */
        List<ReportPeriod> periods() {
            return Periods.between(frequency, startsOn, endsOn);
        }

        /** The id of this cadence's report for {@code period}. */
        String reportId(ReportPeriod period) {
            return StatusReports.reportId(planId, cadenceId, period);
        }

        /** When this cadence's report for {@code period} is due. */
        LocalDate dueDate(ReportPeriod period) {
            return period.end().plusDays(dueDays);
        }
    }

    private static final RowMapper<Cadence> ROW = (rs, row) -> new Cadence(rs.getString("cadence_id"), rs.getString("plan_id"),
            rs.getString("association_id"), rs.getString("recipient"), Frequency.valueOf(rs.getString("frequency")),
            rs.getInt("due_days"), rs.getString("owner_id"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate());

    private final JdbcTemplate jdbc;

    Cadences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a cadence; false when the plan has one of that id already. */
    boolean add(Cadence c) {
        return jdbc.update("""
                INSERT INTO report_cadence (cadence_id, plan_id, association_id, recipient, frequency, due_days, owner_id, starts_on, ends_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, cadence_id) DO NOTHING""",
                c.cadenceId(), c.planId(), c.associationId(), c.recipient(), c.frequency().name(), c.dueDays(), c.ownerId(),
                Date.valueOf(c.startsOn()), Date.valueOf(c.endsOn())) == 1;
    }

    boolean remove(String planId, String cadenceId) {
        return jdbc.update("DELETE FROM report_cadence WHERE plan_id = ? AND cadence_id = ?", planId, cadenceId) == 1;
    }

    List<Cadence> ofPlan(String planId) {
        return jdbc.query("SELECT * FROM report_cadence WHERE plan_id = ? ORDER BY created_at, cadence_id", ROW, planId);
    }

    /** The cadences of all these plans, by plan. */
    List<Cadence> ofPlans(Object[] planIds) {
        return jdbc.query("SELECT * FROM report_cadence WHERE plan_id = ANY (?) ORDER BY plan_id, created_at, cadence_id",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", planIds)), ROW);
    }

    Optional<Cadence> find(String planId, String cadenceId) {
        return jdbc.query("SELECT * FROM report_cadence WHERE plan_id = ? AND cadence_id = ?", ROW, planId, cadenceId)
                .stream().findFirst();
    }

    List<Cadence> all() {
        return jdbc.query("SELECT * FROM report_cadence ORDER BY plan_id, cadence_id", ROW);
    }
}
