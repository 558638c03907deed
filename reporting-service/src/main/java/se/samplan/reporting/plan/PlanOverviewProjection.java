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

import java.util.List;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * Plans per association, with their activities. Plans and activities come from two topics with no
 * order between them, so each is kept in its own table and joined when read: the result does not
 * depend on which arrived first.
 */
@Component
class PlanOverviewProjection implements Projection {

    @Override
    public List<String> tables() {
        return List.of("plan_overview", "activity_overview");
    }

    @Override
    public void apply(EventEnvelope envelope, SamplanEvent event, Writes writes) {
        if (event instanceof PlanCreated created) {
            writes.update("""
                            INSERT INTO plan_overview (plan_id, association_id, title, period_start, period_end, status,
                                                       created_at, updated_at, owner_id)
                            VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)
                            ON CONFLICT (plan_id) DO NOTHING""",
                    created.planId(), created.associationId(), created.title(), date(created.periodStart()),
                    date(created.periodEnd()), Timestamp.from(envelope.occurredAt()), Timestamp.from(envelope.occurredAt()),
                    created.ownerId());
        } else if (event instanceof PlanRetitled retitled) {
            update(writes, envelope, "title = ?", retitled.title(), retitled.planId());
        } else if (event instanceof PlanPeriodChanged period) {
            writes.update("UPDATE plan_overview SET period_start = ?, period_end = ?, updated_at = ? WHERE plan_id = ?",
                    date(period.periodStart()), date(period.periodEnd()), Timestamp.from(envelope.occurredAt()), period.planId());
        } else if (event instanceof PlanPresented presented) {
            update(writes, envelope, "status = ?", "PRESENTED", presented.planId());
        } else if (event instanceof PlanDecided decided) {
            update(writes, envelope, "status = ?", "DECIDED", decided.planId());
        } else if (event instanceof PlanRevisionStarted revision) {
            update(writes, envelope, "status = ?", "REVISING", revision.planId());
        } else if (event instanceof PlanClosed closed) {
            update(writes, envelope, "status = ?", "CLOSED", closed.planId());
        } else if (event instanceof ActivityScheduled scheduled) {
            writes.update("""
                            INSERT INTO activity_overview (activity_id, association_id, plan_id, title, due_date, status)
                            VALUES (?, ?, ?, ?, ?, 'PLANNED')
                            ON CONFLICT (activity_id) DO NOTHING""",
                    scheduled.activityId(), scheduled.associationId(), scheduled.planId(), scheduled.title(),
                    date(scheduled.occurrences().stream().map(PlannedOccurrence::dueDate).filter(java.util.Objects::nonNull)
                            .min(java.util.Comparator.naturalOrder()).orElse(null)));
        }
    }

    private static void update(Writes writes, EventEnvelope envelope, String assignment, Object value, String planId) {
        writes.update("UPDATE plan_overview SET " + assignment + ", updated_at = ? WHERE plan_id = ?",
                value, Timestamp.from(envelope.occurredAt()), planId);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
