package se.samplan.reporting.live;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces a change to the live dashboards of every instance through PostgreSQL's NOTIFY, inside
 * the transaction that made the change: a change rolled back is never announced, a committed one
 * reaches the instance a browser happens to be connected to, whichever instance consumed it. The
 * plan's partner associations hear of it too.
 */
@Component
public class Changes {

    static final String CHANNEL = "samplan_changes";

    private final JdbcTemplate jdbc;

    Changes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Announces that an event of {@code type} changed {@code aggregateId} of a plan of {@code associationId}. */
    public void announce(String associationId, String planId, String type, String aggregateId) {
        jdbc.queryForList("""
                SELECT pg_notify(?, json_build_object(
                         'associationId', ?::text, 'planId', ?::text, 'type', ?::text, 'aggregateId', ?::text,
                         'audience', (SELECT json_agg(a) FROM (SELECT ?::text AS a UNION
                                      SELECT partner_association_id FROM plan_partner WHERE plan_id = ?) audience))::text)""",
                CHANNEL, associationId, planId, type, aggregateId, associationId, planId);
    }
}
