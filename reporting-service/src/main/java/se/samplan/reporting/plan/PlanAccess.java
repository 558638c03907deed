package se.samplan.reporting.plan;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samplan.reporting.web.Caller;
import se.samplan.reporting.web.RequestRejected;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Who may see and change what a plan's reports say: its own association reads and (with a writing
 * role) writes; a partner association the plan is shared with reads. Anyone else is told there is
 * nothing there (404), never that something exists.
 */
@Component
public class PlanAccess {

    /** A plan as reporting knows it. */
    public record PlanRef(String planId, String associationId, String title, LocalDate periodStart, LocalDate periodEnd,
                          String ownerId, String status) {
    }

    private final JdbcTemplate jdbc;

    PlanAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PlanRef> find(String planId) {
        return jdbc.query("SELECT * FROM plan_overview WHERE plan_id = ?", (rs, row) -> new PlanRef(rs.getString("plan_id"),
                rs.getString("association_id"), rs.getString("title"),
                rs.getDate("period_start") == null ? null : rs.getDate("period_start").toLocalDate(),
                rs.getDate("period_end") == null ? null : rs.getDate("period_end").toLocalDate(),
                rs.getString("owner_id"), rs.getString("status")), planId).stream().findFirst();
    }

    /** The plan if the caller's association owns it or is its partner; otherwise 404. */
    public PlanRef readable(Caller caller, String planId) {
        return find(planId).filter(plan -> plan.associationId().equals(caller.associationId()) || isPartner(caller, planId))
                .orElseThrow(() -> RequestRejected.notFound("No plan " + planId));
    }

    /** The plan if the caller's association owns it and the caller may write; 404 or 403 otherwise. */
    public PlanRef writable(Caller caller, String planId) {
        PlanRef plan = find(planId).filter(p -> p.associationId().equals(caller.associationId()))
                .orElseThrow(() -> RequestRejected.notFound("No plan " + planId));
        if (!caller.writes()) {
            throw RequestRejected.roleMissing(
                    "To write reports you need the role association-admin, plan-owner, communicator or contributor", Caller.WRITERS);
        }
        return plan;
    }

    private boolean isPartner(Caller caller, String planId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM plan_partner WHERE plan_id = ? AND partner_association_id = ?)",
                Boolean.class, planId, caller.associationId()));
    }
}
