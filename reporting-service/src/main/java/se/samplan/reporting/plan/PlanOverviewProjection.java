package se.samplan.reporting.plan;

import org.springframework.stereotype.Component;
import se.samplan.events.EventHeader;
import se.samplan.events.SamplanEvent;
import se.samplan.events.plan.PlanClosed;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.PlanDecided;
import se.samplan.events.plan.PlanPeriodChanged;
import se.samplan.events.plan.PlanPresented;
import se.samplan.events.plan.PlanRetitled;
import se.samplan.events.plan.PlanRevisionStarted;
import se.samplan.reporting.intake.Projection;
import se.samplan.reporting.intake.Writes;

import java.time.Instant;
import java.util.List;

/**
 * Plans per association. Their activities come from another topic, with no order between the two,
 * so they are counted when read from the activities' own table (activity_detail): the result does not
 * depend on which arrived first.
 */
@Component
class PlanOverviewProjection implements Projection {

    private static final String CREATE = """
            INSERT INTO plan_overview (plan_id, association_id, title, period_start, period_end, status, created_at, updated_at, owner_id)
            SELECT plan_id, association_id, title, period_start, period_end, 'DRAFT', created_at, created_at, owner_id
              FROM unnest(?::varchar[], ?::varchar[], ?::text[], ?::date[], ?::date[], ?::timestamptz[], ?::varchar[])
                   AS r(plan_id, association_id, title, period_start, period_end, created_at, owner_id)
            ON CONFLICT (plan_id) DO NOTHING""";
    private static final String RETITLE = """
            UPDATE plan_overview p SET title = r.title, updated_at = r.at
              FROM unnest(?::text[], ?::timestamptz[], ?::varchar[]) AS r(title, at, plan_id)
             WHERE p.plan_id = r.plan_id""";
    private static final String CHANGE_PERIOD = """
            UPDATE plan_overview p SET period_start = r.period_start, period_end = r.period_end, updated_at = r.at
              FROM unnest(?::date[], ?::date[], ?::timestamptz[], ?::varchar[]) AS r(period_start, period_end, at, plan_id)
             WHERE p.plan_id = r.plan_id""";
    private static final String CHANGE_STATUS = """
            UPDATE plan_overview p SET status = r.status, updated_at = r.at
              FROM unnest(?::varchar[], ?::timestamptz[], ?::varchar[]) AS r(status, at, plan_id)
             WHERE p.plan_id = r.plan_id""";
    @Override
    public List<String> tables() {
        return List.of("plan_overview");
    }

    @Override
    public void apply(EventHeader header, SamplanEvent event, Writes writes) {
        Instant at = header.occurredAt();
        if (event instanceof PlanCreated created) {
            writes.row(CREATE, created.planId(), created.associationId(), created.title(), created.periodStart(),
                    created.periodEnd(), at, created.ownerId());
        } else if (event instanceof PlanRetitled retitled) {
            writes.row(RETITLE, retitled.title(), at, retitled.planId());
        } else if (event instanceof PlanPeriodChanged period) {
            writes.row(CHANGE_PERIOD, period.periodStart(), period.periodEnd(), at, period.planId());
        } else if (event instanceof PlanPresented presented) {
            writes.row(CHANGE_STATUS, "PRESENTED", at, presented.planId());
        } else if (event instanceof PlanDecided decided) {
            writes.row(CHANGE_STATUS, "DECIDED", at, decided.planId());
        } else if (event instanceof PlanRevisionStarted revision) {
            writes.row(CHANGE_STATUS, "REVISING", at, revision.planId());
        } else if (event instanceof PlanClosed closed) {
            writes.row(CHANGE_STATUS, "CLOSED", at, closed.planId());
        }
    }
}
