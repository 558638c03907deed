package se.samplan.reporting.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.samplan.reporting.web.Caller;

import java.sql.Date;
import java.util.List;

@RestController
@RequestMapping("/api/reports/plans")
@Tag(name = "Plan overview")
class PlanOverviewController {

    private static final String SELECT = """
            SELECT p.plan_id, p.association_id, p.title, p.period_start, p.period_end, p.status, p.created_at,
                   (SELECT count(*) FROM activity_detail a
                     WHERE a.plan_id = p.plan_id AND a.association_id = p.association_id) AS activities
              FROM plan_overview p
            """;

    private static final RowMapper<PlanOverview> ROW = (rs, row) -> new PlanOverview(
            rs.getString("plan_id"), rs.getString("association_id"), rs.getString("title"),
            localDate(rs.getDate("period_start")), localDate(rs.getDate("period_end")), rs.getString("status"),
            rs.getInt("activities"), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    PlanOverviewController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    @Operation(summary = "The caller's association's plans, newest first")
    List<PlanOverview> plans(Caller caller) {
        return jdbc.query(SELECT + " WHERE p.association_id = ? ORDER BY p.created_at DESC, p.plan_id", ROW,
                caller.associationId());
    }

    @GetMapping("/{planId}")
    @Operation(summary = "One plan of the caller's association")
    PlanOverview plan(Caller caller, @PathVariable String planId) {
        return jdbc.query(SELECT + " WHERE p.plan_id = ? AND p.association_id = ?", ROW, planId, caller.associationId())
                .stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No plan " + planId));
    }

    private static java.time.LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
