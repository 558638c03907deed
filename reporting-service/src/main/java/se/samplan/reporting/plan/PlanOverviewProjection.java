package se.samplan.reporting.plan;

import org.springframework.stereotype.Component;
import se.samplan.events.EventEnvelope;
import se.samplan.events.SamplanEvent;
import se.samplan.events.activity.ActivityScheduled;
import se.samplan.events.activity.PlannedOccurrence;
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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Plans per association, with their activities. Plans and activities come from two topics with no
 * order between them, so each is kept in its own table and joined when read: the result does not
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
    private static final String ADD_ACTIVITY = """
            INSERT INTO activity_overview (activity_id, association_id, plan_id, title, due_date, status)
            SELECT activity_id, association_id, plan_id, title, due_date, 'PLANNED'
              FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::date[])
                   AS r(activity_id, association_id, plan_id, title, due_date)
            ON CONFLICT (activity_id) DO NOTHING""";

    @Override
    public List<String> tables() {
        return List.of("plan_overview", "activity_overview");
    }

    @Override
    public void apply(EventEnvelope envelope, SamplanEvent event, Writes writes) {
        Instant at = envelope.occurredAt();
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
        } else if (event instanceof ActivityScheduled scheduled) {
            writes.row(ADD_ACTIVITY, scheduled.activityId(), scheduled.associationId(), scheduled.planId(), scheduled.title(),
                    scheduled.occurrences().stream().map(PlannedOccurrence::dueDate).filter(Objects::nonNull)
                            .min(Comparator.naturalOrder()).orElse(null));
        }
    }
}
