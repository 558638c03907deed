package se.samplan.reporting.plan;

import org.springframework.stereotype.Component;
import se.samplan.events.EventHeader;
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

/** The parts of a plan that reports and the portfolio need: partners, risks, owner. */
@Component
class PlanPartsProjection implements Projection {

    private static final String ADD_PARTNER = """
            INSERT INTO plan_partner (plan_id, partner_association_id, access, association_id)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
            ON CONFLICT (plan_id, partner_association_id) DO UPDATE SET access = EXCLUDED.access,
                                                                        association_id = EXCLUDED.association_id""";
    private static final String REMOVE_PARTNER = """
            DELETE FROM plan_partner p USING unnest(?::varchar[], ?::varchar[]) AS r(plan_id, partner_association_id)
             WHERE p.plan_id = r.plan_id AND p.partner_association_id = r.partner_association_id""";
    private static final String ADD_RISK = """
            INSERT INTO plan_risk (plan_id, risk_id, association_id, description, mitigation, likelihood, impact, added_at)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::integer[], ?::integer[],
                                 ?::timestamptz[])
            ON CONFLICT (plan_id, risk_id) DO NOTHING""";
    private static final String CHANGE_RISK = """
            UPDATE plan_risk k SET description = r.description, mitigation = r.mitigation, likelihood = r.likelihood, impact = r.impact
              FROM unnest(?::text[], ?::text[], ?::integer[], ?::integer[], ?::varchar[], ?::varchar[])
                   AS r(description, mitigation, likelihood, impact, plan_id, risk_id)
             WHERE k.plan_id = r.plan_id AND k.risk_id = r.risk_id""";
    private static final String REMOVE_RISK = """
            DELETE FROM plan_risk k USING unnest(?::varchar[], ?::varchar[]) AS r(plan_id, risk_id)
             WHERE k.plan_id = r.plan_id AND k.risk_id = r.risk_id""";
    private static final String CHANGE_OWNER = """
            UPDATE plan_overview p SET owner_id = r.owner_id
              FROM unnest(?::varchar[], ?::varchar[]) AS r(owner_id, plan_id)
             WHERE p.plan_id = r.plan_id""";

    @Override
    public List<String> tables() {
        return List.of("plan_partner", "plan_risk");
    }

    @Override
    public void apply(EventHeader header, SamplanEvent event, Writes writes) {
        if (event instanceof PartnerAssociationAdded e) {
            writes.partRow("partner", e.partnerAssociationId(), ADD_PARTNER, e.planId(), e.partnerAssociationId(), e.access(), e.associationId());
        } else if (event instanceof PartnerAssociationRemoved e) {
            writes.partRow("partner", e.partnerAssociationId(), REMOVE_PARTNER, e.planId(), e.partnerAssociationId());
        } else if (event instanceof RiskAdded e) {
            writes.partRow("risk", e.riskId(), ADD_RISK, e.planId(), e.riskId(), e.associationId(), e.description(), e.mitigation(), e.likelihood(),
                    e.impact(), header.occurredAt());
        } else if (event instanceof RiskChanged e) {
            writes.partRow("risk", e.riskId(), CHANGE_RISK, e.description(), e.mitigation(), e.likelihood(), e.impact(), e.planId(), e.riskId());
        } else if (event instanceof RiskRemoved e) {
            writes.partRow("risk", e.riskId(), REMOVE_RISK, e.planId(), e.riskId());
        } else if (event instanceof PlanOwnerChanged e) {
            writes.row(CHANGE_OWNER, e.ownerId(), e.planId());
        }
    }
}
