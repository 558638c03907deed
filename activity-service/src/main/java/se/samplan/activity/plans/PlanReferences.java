package se.samplan.activity.plans;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samplan.events.EventEnvelope;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.MilestoneForecastChanged;
import se.samplan.events.plan.MilestoneRemoved;
import se.samplan.events.plan.MilestoneRenamed;
import se.samplan.events.plan.MilestoneTargetDateChanged;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PartnerAssociationAdded;
import se.samplan.events.plan.PartnerAssociationRemoved;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.PlanEvent;
import se.samplan.events.plan.PlanPeriodChanged;
import se.samplan.events.plan.TargetGroupAdded;
import se.samplan.events.plan.TargetGroupChanged;
import se.samplan.events.plan.TargetGroupRemoved;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What activity-service knows of plans, read from plan-service's events: each plan's association
 * and period, the associations it is shared with, its milestones' names and dates, and its target
 * groups' names. Plan-service stays the owner; this is a copy for checks.
 */
@Component
public class PlanReferences {

    /** A plan as activity-service knows it. */
    public record PlanRef(String planId, String associationId, LocalDate periodStart, LocalDate periodEnd) { }

    /** A milestone of a plan; {@code date} is its forecast, or its target while it has none; null if neither is known. */
    public record MilestoneRef(String milestoneId, String name, LocalDate date) { }

    /** A target group of a plan. */
    public record TargetGroupRef(String targetGroupId, String name) { }

    private final JdbcTemplate jdbc;

    PlanReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PlanRef> plan(String planId) {
        return jdbc.query("SELECT plan_id, association_id, period_start, period_end FROM plan_reference WHERE plan_id = ?",
                (rs, row) -> new PlanRef(rs.getString(1), rs.getString(2), local(rs.getDate(3)), local(rs.getDate(4))),
                planId).stream().findFirst();
    }

    /**
     * The plan, if it is {@code associationId}'s: what an activity of that association may learn of
     * the plan it names. An activity scheduled before this service heard of its plan may name
     * another association's plan, and must learn nothing of it.
     */
    public Optional<PlanRef> plan(String planId, String associationId) {
        return plan(planId).filter(plan -> plan.associationId().equals(associationId));
    }

    /** As {@link #milestoneDate(String, String)}, if the plan is {@code associationId}'s. */
    public Optional<LocalDate> milestoneDate(String planId, String milestoneId, String associationId) {
        return plan(planId, associationId).flatMap(plan -> milestoneDate(planId, milestoneId));
    }

    /** The access the plan's owner gave the association, if it is a partner of the plan. */
    public Optional<PartnerAccess> partnerAccess(String planId, String associationId) {
        return jdbc.query("SELECT access FROM plan_partner_reference WHERE plan_id = ? AND partner_association_id = ?",
                (rs, row) -> PartnerAccess.valueOf(rs.getString(1)), planId, associationId).stream().findFirst();
    }

    /** The milestone's forecast date, or its target date while it has no forecast; empty if neither is known. */
    public Optional<LocalDate> milestoneDate(String planId, String milestoneId) {
        return jdbc.query("SELECT coalesce(forecast_date, target_date) FROM milestone_reference WHERE plan_id = ? AND milestone_id = ?",
                (rs, row) -> local(rs.getDate(1)), planId, milestoneId).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public List<MilestoneRef> milestones(String planId) {
        return jdbc.query("""
                        SELECT milestone_id, name, coalesce(forecast_date, target_date) FROM milestone_reference
                        WHERE plan_id = ? ORDER BY name, milestone_id""",
                (rs, row) -> new MilestoneRef(rs.getString(1), rs.getString(2), local(rs.getDate(3))), planId);
    }

    public List<TargetGroupRef> targetGroups(String planId) {
        return jdbc.query("SELECT target_group_id, name FROM target_group_reference WHERE plan_id = ? ORDER BY name",
                (rs, row) -> new TargetGroupRef(rs.getString(1), rs.getString(2)), planId);
    }

    /** True when this plan event is newer than every one applied before: older ones are redeliveries. */
    public boolean isNew(EventEnvelope envelope) {
        Long last = jdbc.query("SELECT last_sequence FROM plan_reference WHERE plan_id = ?",
                (rs, row) -> rs.getLong(1), envelope.aggregateId()).stream().findFirst().orElse(null);
        return last == null || envelope.sequence() > last;
    }

    /** Applies a plan event (call inside a transaction, after {@link #isNew}). */
    public void apply(EventEnvelope envelope, PlanEvent event) {
        if (event instanceof PlanCreated created) {
            jdbc.update("""
                    INSERT INTO plan_reference (plan_id, association_id, period_start, period_end, last_sequence)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (plan_id) DO NOTHING""",
                    created.planId(), created.associationId(), date(created.periodStart()), date(created.periodEnd()),
                    envelope.sequence());
        } else if (event instanceof PlanPeriodChanged changed) {
            jdbc.update("UPDATE plan_reference SET period_start = ?, period_end = ? WHERE plan_id = ?",
                    date(changed.periodStart()), date(changed.periodEnd()), changed.planId());
        } else if (event instanceof MilestoneAdded added) {
            jdbc.update("""
                    INSERT INTO milestone_reference (plan_id, milestone_id, name, target_date, forecast_date)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (plan_id, milestone_id) DO UPDATE SET name = EXCLUDED.name,
                        target_date = EXCLUDED.target_date, forecast_date = EXCLUDED.forecast_date""",
                    added.planId(), added.milestoneId(), added.name(), date(added.targetDate()), date(added.forecastDate()));
        } else if (event instanceof MilestoneRenamed renamed) {
            jdbc.update("UPDATE milestone_reference SET name = ? WHERE plan_id = ? AND milestone_id = ?",
                    renamed.name(), renamed.planId(), renamed.milestoneId());
        } else if (event instanceof MilestoneForecastChanged moved) {
            jdbc.update("UPDATE milestone_reference SET forecast_date = ? WHERE plan_id = ? AND milestone_id = ?",
                    date(moved.newDate()), moved.planId(), moved.milestoneId());
        } else if (event instanceof MilestoneTargetDateChanged retargeted) {
            jdbc.update("UPDATE milestone_reference SET target_date = ? WHERE plan_id = ? AND milestone_id = ?",
                    date(retargeted.newDate()), retargeted.planId(), retargeted.milestoneId());
        } else if (event instanceof MilestoneRemoved removed) {
            jdbc.update("DELETE FROM milestone_reference WHERE plan_id = ? AND milestone_id = ?",
                    removed.planId(), removed.milestoneId());
        } else if (event instanceof PartnerAssociationAdded shared) {
            jdbc.update("""
                    INSERT INTO plan_partner_reference (plan_id, partner_association_id, access) VALUES (?, ?, ?)
                    ON CONFLICT (plan_id, partner_association_id) DO UPDATE SET access = EXCLUDED.access""",
                    shared.planId(), shared.partnerAssociationId(), shared.access().name());
        } else if (event instanceof PartnerAssociationRemoved unshared) {
            jdbc.update("DELETE FROM plan_partner_reference WHERE plan_id = ? AND partner_association_id = ?",
                    unshared.planId(), unshared.partnerAssociationId());
        } else if (event instanceof TargetGroupAdded added) {
            targetGroup(added.planId(), added.targetGroupId(), added.name());
        } else if (event instanceof TargetGroupChanged changed) {
            targetGroup(changed.planId(), changed.targetGroupId(), changed.name());
        } else if (event instanceof TargetGroupRemoved removed) {
            jdbc.update("DELETE FROM target_group_reference WHERE plan_id = ? AND target_group_id = ?",
                    removed.planId(), removed.targetGroupId());
        }
        jdbc.update("UPDATE plan_reference SET last_sequence = greatest(last_sequence, ?) WHERE plan_id = ?",
                envelope.sequence(), envelope.aggregateId());
    }

    private void targetGroup(String planId, String targetGroupId, String name) {
        jdbc.update("""
                INSERT INTO target_group_reference (plan_id, target_group_id, name) VALUES (?, ?, ?)
                ON CONFLICT (plan_id, target_group_id) DO UPDATE SET name = EXCLUDED.name""", planId, targetGroupId, name);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
