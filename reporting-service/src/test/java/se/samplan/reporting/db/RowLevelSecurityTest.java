package se.samplan.reporting.db;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.reporting.ReportingTestSupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row-level security by association, on the service's own DataSource and as the roles themselves:
 * association a, association b which shares its plan plan-b2 with a, and association x whose rows
 * name plan-b2 though it is not x's (activity-service takes a plan id on trust). Every query here
 * "forgets" its association clause on purpose: the database alone must keep the associations apart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RowLevelSecurityTest {

    /** Each association table and how a row names its association and plan ("association/plan"). */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        for (String table : List.of("plan_overview", "milestone_state", "milestone_move", "activity_detail",
                "activity_occurrence", "plan_partner", "plan_risk", "report_cadence", "status_report")) {
            TABLES.put(table, "association_id || '/' || plan_id");
        }
        // A report's id begins with its plan's.
        TABLES.put("report_event", "association_id || '/' || split_part(report_id, ':', 1)");
        TABLES.put("report_stream", "association_id || '/' || split_part(report_id, ':', 1)");
    }

    /** Only the service's own processes read these. */
    private static final List<String> SYSTEM_TABLES = List.of("consumer_position", "aggregate_position", "rejected_event", "report_notice");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ReportingTestSupport.register(registry);
    }

    /** The service's own: the request role or the system role, as {@link Tenancy} says. */
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${samplan.database.request.user}")
    String requestRole;
    @Value("${samplan.database.request.password}")
    String requestPassword;
    @Value("${samplan.database.system.user}")
    String systemRole;

    JdbcTemplate owner;

    @Autowired
    void owner(Environment environment) {
        owner = ReportingTestSupport.owner(environment);
    }

    /** Published already, so the running relay leaves the test's report events alone. */
    @BeforeEach
    void rows() {
        owner.execute("TRUNCATE " + String.join(", ", TABLES.keySet()) + ", " + String.join(", ", SYSTEM_TABLES));
        rowsOf("a", "plan-a", true);
        rowsOf("b", "plan-b", true);
        rowsOf("b", "plan-b2", true);
        rowsOf("x", "plan-b2", false);
        owner.update("INSERT INTO plan_partner (plan_id, partner_association_id, access, association_id) VALUES ('plan-b2', 'a', 'READ', 'b')");
        owner.update("INSERT INTO consumer_position VALUES ('plans', 0, 7)");
        owner.update("INSERT INTO aggregate_position VALUES ('plan-a', 3)");
        owner.update("INSERT INTO rejected_event (topic, partition, \"offset\", error) VALUES ('plans', 0, 1, 'unreadable')");
        owner.update("INSERT INTO report_notice (report_id, kind, due_date) VALUES ('plan-a:adhoc:2022-01', 'DUE', '2022-02-10')");
    }

    /** One row of {@code association} naming {@code plan} in every association table (the plan's own row if it owns it). */
    private void rowsOf(String association, String plan, boolean ownsPlan) {
        String id = plan + ":" + association;
        if (ownsPlan) {
            owner.update("INSERT INTO plan_overview (plan_id, association_id, title, status, created_at, updated_at) VALUES (?, ?, 'P', 'DRAFT', now(), now())",
                    plan, association);
        }
        owner.update("INSERT INTO activity_detail (activity_id, association_id, plan_id, title, kind) VALUES (?, ?, ?, 'A', 'EVENT')",
                id, association, plan);
        owner.update("INSERT INTO activity_occurrence (activity_id, occurrence_id, association_id, plan_id, status) VALUES (?, 'once', ?, ?, 'PLANNED')",
                id, association, plan);
        owner.update("INSERT INTO milestone_state (plan_id, milestone_id, association_id, name, status) VALUES (?, ?, ?, 'M', 'G')",
                plan, id, association);
        owner.update("""
                INSERT INTO milestone_move (event_id, plan_id, milestone_id, association_id, occurred_at, kind)
                VALUES (gen_random_uuid(), ?, ?, ?, now(), 'ADDED')""", plan, id, association);
        owner.update("INSERT INTO plan_risk (plan_id, risk_id, association_id, description, added_at) VALUES (?, ?, ?, 'R', now())",
                plan, id, association);
        owner.update("""
                INSERT INTO report_cadence (cadence_id, plan_id, association_id, recipient, frequency, due_days, owner_id, starts_on, ends_on)
                VALUES (?, ?, ?, 'Styrgruppen', 'MONTHLY', 10, 'anna', '2022-01-01', '2022-12-31')""", association, plan, association);
        String report = plan + ":" + association + ":2022-01";
        owner.update("""
                INSERT INTO status_report (report_id, association_id, plan_id, cadence_id, title, period_kind, period_start, period_end,
                                           status, content, version, created_at, created_by, updated_at)
                VALUES (?, ?, ?, ?, 'Januari', 'MONTH', '2022-01-01', '2022-01-31', 'DRAFT', '{}'::jsonb, 0, now(), 'anna', now())""",
                report, association, plan, association);
        owner.update("""
                INSERT INTO report_event (event_id, report_id, sequence, association_id, type, revision, envelope, occurred_at, actor,
                                          published_at)
                VALUES (gen_random_uuid(), ?, 0, ?, 'StatusReportDrafted', 1, '\\x00'::bytea, now(), 'anna', now())""", report, association);
        owner.update("INSERT INTO report_stream (report_id, association_id, last_sequence) VALUES (?, ?, 0)", report, association);
    }

    @Test
    void everyTableIsUnderForcedRowLevelSecurityAndOnlyTheSystemRoleBypassesIt() {
        assertThat(owner.queryForList("""
                SELECT c.relname FROM pg_class c
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                   AND c.relname <> 'flyway_schema_history' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)""", String.class))
                .as("tables without forced row-level security").isEmpty();
        assertThat(owner.queryForMap("SELECT rolsuper, rolbypassrls, rolpassword IS NOT NULL AS password FROM pg_authid WHERE rolname = ?",
                requestRole)).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false).containsEntry("password", true);
        assertThat(owner.queryForMap("SELECT rolsuper, rolbypassrls, rolpassword IS NOT NULL AS password FROM pg_authid WHERE rolname = ?",
                systemRole)).containsEntry("rolsuper", false).containsEntry("rolbypassrls", true).containsEntry("password", true);
        assertThat(owner.queryForObject("SELECT pg_has_role(?, ?, 'MEMBER')", Boolean.class, requestRole, systemRole)).isFalse();
    }

    @Test
    void workForNoAssociationSeesNoRowAndSystemTablesNotAtAll() throws SQLException {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(requestRole);
        for (String table : TABLES.keySet()) {
            assertThat(owner.queryForObject("SELECT count(*) FROM " + table, Integer.class)).as(table).isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class)).as(table).isZero();
        }
        for (String table : SYSTEM_TABLES) {
            assertThatThrownBy(() -> jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class)).as(table)
                    .rootCause().hasMessageContaining("permission denied for table " + table);
        }
        // The role itself, on a connection that never set the association at all (not even empty).
        try (Connection connection = DriverManager.getConnection(url, requestRole, requestPassword);
             Statement statement = connection.createStatement()) {
            for (String table : TABLES.keySet()) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    assertThat(count.getInt(1)).as(table).isZero();
                }
            }
        }
    }

    @Test
    void anAssociationSeesItsOwnRowsAndThosePartnersShareWithItWhateverTheQuery() {
        Map<String, Set<String>> seenByA = seenBy("a");
        Map<String, Set<String>> seenByB = seenBy("b");
        for (String table : TABLES.keySet()) {
            switch (table) {
                case "plan_partner" -> {
                    assertThat(seenByA.get(table)).as(table).containsExactly("b/plan-b2");
                    assertThat(seenByB.get(table)).as(table).containsExactly("b/plan-b2");
                }
                // Risks and a report's sequence counter are the owner's alone.
                case "plan_risk", "report_stream" -> {
                    assertThat(seenByA.get(table)).as(table).containsExactly("a/plan-a");
                    assertThat(seenByB.get(table)).as(table).containsExactly("b/plan-b", "b/plan-b2");
                }
                default -> {
                    // a reads b's shared plan, but never x's rows that name it
                    assertThat(seenByA.get(table)).as(table).containsExactly("a/plan-a", "b/plan-b2");
                    assertThat(seenByB.get(table)).as(table).containsExactly("b/plan-b", "b/plan-b2");
                }
            }
        }
        // A transaction takes its connection once: the association holds for all of it.
        try (Tenancy.Scope a = Tenancy.association("a")) {
            List<String> plans = transaction.execute(status -> jdbc.queryForList("SELECT plan_id FROM plan_overview ORDER BY plan_id",
                    String.class));
            assertThat(plans).containsExactly("plan-a", "plan-b2");
        }
        // Once the scope is closed, the same pool's connections know no association again.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM plan_overview", Integer.class)).isZero();
        try (Tenancy.Scope system = Tenancy.system()) {
            assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(systemRole);
            assertThat(jdbc.queryForList("SELECT association_id FROM activity_occurrence ORDER BY association_id", String.class))
                    .containsExactly("a", "b", "b", "x");
        }
    }

    @Test
    void writingRowsOfAnotherAssociationIsRefused() {
        try (Tenancy.Scope a = Tenancy.association("a")) {
            assertThatThrownBy(() -> jdbc.update("""
                    INSERT INTO status_report (report_id, association_id, plan_id, cadence_id, title, period_kind, period_start, period_end,
                                               status, content, version, created_at, created_by, updated_at)
                    VALUES ('plan-b:adhoc:2022-02', 'b', 'plan-b', 'adhoc', 'Februari', 'MONTH', '2022-02-01', '2022-02-28', 'DRAFT',
                            '{}'::jsonb, 0, now(), 'eve', now())""")).rootCause().hasMessageContaining("row-level security policy");
            assertThatThrownBy(() -> jdbc.update("INSERT INTO report_cadence (cadence_id, plan_id, association_id, recipient, frequency, "
                    + "due_days, owner_id, starts_on, ends_on) VALUES ('eve', 'plan-b', 'b', 'Eve', 'MONTHLY', 1, 'eve', '2022-01-01', '2022-12-31')"))
                    .rootCause().hasMessageContaining("row-level security policy");
            assertThatThrownBy(() -> jdbc.update("""
                    INSERT INTO report_event (event_id, report_id, sequence, association_id, type, revision, envelope, occurred_at, actor)
                    VALUES (gen_random_uuid(), 'plan-b:b:2022-01', 1, 'b', 'StatusReportEdited', 1, '\\x00'::bytea, now(), 'eve')"""))
                    .rootCause().hasMessageContaining("row-level security policy");
            assertThatThrownBy(() -> jdbc.update("INSERT INTO report_stream (report_id, association_id, last_sequence) VALUES ('plan-b:eve', 'b', 0)"))
                    .rootCause().hasMessageContaining("row-level security policy");
            // Moving its own report to another association is refused too.
            assertThatThrownBy(() -> jdbc.update("UPDATE status_report SET association_id = 'b' WHERE plan_id = 'plan-a'"))
                    .rootCause().hasMessageContaining("row-level security policy");
            // Other associations' rows, even one shared with a, are not there to change or remove.
            assertThat(jdbc.update("UPDATE status_report SET title = 'Eve was here'")).isEqualTo(1);
            assertThat(jdbc.update("UPDATE report_stream SET last_sequence = 99")).isEqualTo(1);
            assertThat(jdbc.update("DELETE FROM report_cadence")).isEqualTo(1);
            // Projections are the intake's to write.
            assertThatThrownBy(() -> jdbc.update("DELETE FROM plan_overview")).rootCause()
                    .hasMessageContaining("permission denied for table plan_overview");
            assertThatThrownBy(() -> jdbc.update("UPDATE report_event SET published_at = now()")).rootCause()
                    .hasMessageContaining("permission denied for table report_event");
        }
        assertThat(owner.queryForList("SELECT association_id FROM status_report WHERE title = 'Eve was here'", String.class))
                .containsExactly("a");
        assertThat(owner.queryForList("SELECT association_id FROM report_stream WHERE last_sequence = 99", String.class))
                .containsExactly("a");
        assertThat(owner.queryForList("SELECT association_id FROM report_cadence ORDER BY association_id", String.class))
                .containsExactly("b", "b", "x");
        assertThat(owner.queryForObject("SELECT count(*) FROM status_report WHERE association_id = 'b'", Integer.class)).isEqualTo(2);
    }

    @Test
    void theRequestRoleCannotLiftThePolicy() {
        try (Tenancy.Scope a = Tenancy.association("a")) {
            Map<String, String> attempts = new LinkedHashMap<>();
            attempts.put("ALTER TABLE status_report DISABLE ROW LEVEL SECURITY", "must be owner");
            attempts.put("ALTER TABLE status_report NO FORCE ROW LEVEL SECURITY", "must be owner");
            attempts.put("DROP POLICY read_own_and_shared ON status_report", "must be owner");
            attempts.put("CREATE POLICY everything ON status_report USING (true)", "must be owner");
            attempts.put("SET ROLE " + systemRole, "permission denied to set role");
            attempts.put("SET SESSION AUTHORIZATION " + systemRole, "permission denied to set session authorization");
            attempts.put("ALTER ROLE " + requestRole + " BYPASSRLS", "permission denied");
            attempts.put("CREATE OR REPLACE FUNCTION request_association() RETURNS text LANGUAGE sql AS $$ SELECT 'b' $$",
                    "permission denied for schema public");
            attempts.put("GRANT " + systemRole + " TO " + requestRole, "permission denied");
            List<String> lifted = new ArrayList<>();
            attempts.forEach((statement, refusal) -> {
                try {
                    jdbc.execute(statement);
                    lifted.add(statement);
                } catch (RuntimeException e) {
                    assertThat(rootMessage(e)).as(statement).contains(refusal);
                }
            });
            assertThat(lifted).as("statements the request role got through").isEmpty();
            // Turning row security off makes a query that it would filter fail, not see more.
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                jdbc.execute("SET LOCAL row_security = off");
                jdbc.queryForList("SELECT * FROM status_report");
            })).rootCause().hasMessageContaining("query would be affected by row-level security policy");
            assertThat(jdbc.queryForList("SELECT plan_id FROM status_report ORDER BY plan_id", String.class))
                    .containsExactly("plan-a", "plan-b2");
        }
    }

    private Map<String, Set<String>> seenBy(String association) {
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        try (Tenancy.Scope scope = Tenancy.association(association)) {
            assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(requestRole);
            TABLES.forEach((table, key) -> seen.put(table, new TreeSet<>(jdbc.queryForList("SELECT " + key + " FROM " + table, String.class))));
        }
        return seen;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
