package se.samplan.reporting.plan;

import org.springframework.stereotype.Component;
import se.samplan.events.EventEnvelope;
import se.samplan.events.SamplanEvent;
import se.samplan.events.plan.PartnerAssociationAdded;
import se.samplan.events.plan.PartnerAssociationRemoved;
import se.samplan.events.plan.PlanOwnerChanged;
import se.samplan.events.plan.RiskAdded;
import se.samplan.events.plan.RiskChanged;
import se.samplan.events.plan.RiskRemoved;
import se.samplan.reporting.intake.Projection;
import se.samplan.reporting.intake.Writes;

import java.util.List;

import java.sql.Timestamp;

/** The parts of a plan that reports and the portfolio need: partners, risks, owner. */
@Component
class PlanPartsProjection implements Projection {

    @Override
    public List<String> tables() {
        return List.of("plan_partner", "plan_risk");
    }

    @Override
    public void apply(EventEnvelope envelope, SamplanEvent event, Writes writes) {
        if (event instanceof PartnerAssociationAdded e) {
            writes.update("""
                    INSERT INTO plan_partner (plan_id, partner_association_id, access, association_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT (plan_id, partner_association_id) DO UPDATE SET access = EXCLUDED.access,
                                                                                association_id = EXCLUDED.association_id""",
                    e.planId(), e.partnerAssociationId(), e.access().name(), e.associationId());
        } else if (event instanceof PartnerAssociationRemoved e) {
            writes.update("DELETE FROM plan_partner WHERE plan_id = ? AND partner_association_id = ?", e.planId(), e.partnerAssociationId());
        } else if (event instanceof RiskAdded e) {
            writes.update("""
                    INSERT INTO plan_risk (plan_id, risk_id, association_id, description, mitigation, likelihood, impact, added_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, risk_id) DO NOTHING""",
                    e.planId(), e.riskId(), e.associationId(), e.description(), e.mitigation(), e.likelihood(), e.impact(),
                    Timestamp.from(envelope.occurredAt()));
        } else if (event instanceof RiskChanged e) {
            writes.update("UPDATE plan_risk SET description = ?, mitigation = ?, likelihood = ?, impact = ? WHERE plan_id = ? AND risk_id = ?",
                    e.description(), e.mitigation(), e.likelihood(), e.impact(), e.planId(), e.riskId());
        } else if (event instanceof RiskRemoved e) {
            writes.update("DELETE FROM plan_risk WHERE plan_id = ? AND risk_id = ?", e.planId(), e.riskId());
        } else if (event instanceof PlanOwnerChanged e) {
            writes.update("UPDATE plan_overview SET owner_id = ? WHERE plan_id = ?", e.ownerId(), e.planId());
        }
    }
}
