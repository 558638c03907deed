package se.samplan.plan.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import se.samplan.events.plan.AudienceAdded;
import se.samplan.events.plan.AudienceChanged;
import se.samplan.events.plan.AudienceRemoved;
import se.samplan.events.plan.ChannelAdded;
import se.samplan.events.plan.ChannelChanged;
import se.samplan.events.plan.ChannelRemoved;
import se.samplan.events.plan.ChecklistItemAdded;
import se.samplan.events.plan.ChecklistItemAnswered;
import se.samplan.events.plan.ChecklistItemRemoved;
import se.samplan.events.plan.InformationProductAdded;
import se.samplan.events.plan.InformationProductRemoved;
import se.samplan.events.plan.KeyMessageAdded;
import se.samplan.events.plan.KeyMessageChanged;
import se.samplan.events.plan.KeyMessageRemoved;
import se.samplan.events.plan.MatrixCode;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.MilestoneForecastChanged;
import se.samplan.events.plan.MilestoneRemoved;
import se.samplan.events.plan.MilestoneRenamed;
import se.samplan.events.plan.MilestoneStatusChanged;
import se.samplan.events.plan.MilestoneTargetDateChanged;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PartnerAssociationAdded;
import se.samplan.events.plan.PartnerAssociationRemoved;
import se.samplan.events.plan.PlanClosed;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.PlanDecided;
import se.samplan.events.plan.PlanEvent;
import se.samplan.events.plan.PlanGoalAdded;
import se.samplan.events.plan.PlanGoalChanged;
import se.samplan.events.plan.PlanGoalRemoved;
import se.samplan.events.plan.PlanOwnerChanged;
import se.samplan.events.plan.PlanPeriodChanged;
import se.samplan.events.plan.PlanPresented;
import se.samplan.events.plan.PlanRetitled;
import se.samplan.events.plan.PlanRevisionStarted;
import se.samplan.events.plan.PlanSection;
import se.samplan.events.plan.PlanSectionWritten;
import se.samplan.events.plan.Rating;
import se.samplan.events.plan.RiskAdded;
import se.samplan.events.plan.RiskChanged;
import se.samplan.events.plan.RiskRemoved;
import se.samplan.events.plan.Scope;
import se.samplan.events.plan.StakeholderAdded;
import se.samplan.events.plan.StakeholderMatrixCellSet;
import se.samplan.events.plan.StakeholderRemoved;
import se.samplan.events.plan.TargetGroupAdded;
import se.samplan.events.plan.TargetGroupChanged;
import se.samplan.events.plan.TargetGroupPriority;
import se.samplan.events.plan.TargetGroupRemoved;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's whole content, folded from its events. The aggregate decides with it; reads return it
 * as a {@link PlanView}. One fold for both, so what is checked is what is shown.
 *
 * <p>Part of the plan's snapshots, field by field: see {@link Plan} on changing its fields.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class PlanDocument {

    enum Status { DRAFT, PRESENTED, DECIDED, REVISING, CLOSED }

    record Audience(String audienceId, String name, String know, String feel, String act) { }

    record TargetGroup(String targetGroupId, String name, TargetGroupPriority priority, Scope scope, String description) { }

    record Channel(String channelId, String name, String audience, String purpose, Scope scope) { }

    record KeyMessage(String messageId, String text, String audience) { }

    record Risk(String riskId, String description, String mitigation, Integer likelihood, Integer impact) { }

    record Goal(String goalId, String text) { }

    record Named(String id, String name) { }

    record ChecklistItem(String itemId, String question, Boolean answer, String comment) { }

    record Partner(String associationId, PartnerAccess access) { }

    record Milestone(String milestoneId, String name, LocalDate targetDate, LocalDate forecastDate, Rating status) { }

    record Decision(int version, LocalDate decidedOn, String decidedBy) { }

    String planId;
    String associationId;
    String title;
    LocalDate periodStart;
    LocalDate periodEnd;
    String ownerId;
    Status status = Status.DRAFT;
    int version = 1;
    LocalDate presentedOn;
    String presentedTo;
    final List<Decision> decisions = new ArrayList<>();
    /** An EnumMap (declared so, for the snapshots): sections are shown in the order of the enum. */
    final EnumMap<PlanSection, String> sections = new EnumMap<>(PlanSection.class);
    final Map<String, String> goals = new LinkedHashMap<>();
    final Map<String, Audience> audiences = new LinkedHashMap<>();
    final Map<String, TargetGroup> targetGroups = new LinkedHashMap<>();
    final Map<String, Channel> channels = new LinkedHashMap<>();
    final Map<String, KeyMessage> messages = new LinkedHashMap<>();
    final Map<String, Risk> risks = new LinkedHashMap<>();
    final Map<String, String> stakeholders = new LinkedHashMap<>();
    final Map<String, String> products = new LinkedHashMap<>();
    /** stakeholder id → product id → code; a missing cell is NONE. */
    final Map<String, Map<String, MatrixCode>> matrix = new LinkedHashMap<>();
    final Map<String, ChecklistItem> checklist = new LinkedHashMap<>();
    final Map<String, PartnerAccess> partners = new LinkedHashMap<>();
    final Map<String, Milestone> milestones = new LinkedHashMap<>();

    boolean exists() {
        return planId != null;
    }

    /** Applies one event; an event of a kind this fold does not know changes nothing. */
    void apply(PlanEvent event) {
        if (event instanceof PlanCreated e) {
            planId = e.planId();
            associationId = e.associationId();
            title = e.title();
            periodStart = e.periodStart();
            periodEnd = e.periodEnd();
            ownerId = e.ownerId();
        } else if (event instanceof PlanRetitled e) {
            title = e.title();
        } else if (event instanceof PlanPeriodChanged e) {
            periodStart = e.periodStart();
            periodEnd = e.periodEnd();
        } else if (event instanceof PlanOwnerChanged e) {
            ownerId = e.ownerId();
        } else if (event instanceof PlanSectionWritten e) {
            if (e.text().isEmpty()) {
                sections.remove(e.section());
            } else {
                sections.put(e.section(), e.text());
            }
        } else if (event instanceof PlanGoalAdded e) {
            goals.put(e.goalId(), e.text());
        } else if (event instanceof PlanGoalChanged e) {
            goals.put(e.goalId(), e.text());
        } else if (event instanceof PlanGoalRemoved e) {
            goals.remove(e.goalId());
        } else if (event instanceof AudienceAdded e) {
            audiences.put(e.audienceId(), new Audience(e.audienceId(), e.name(), e.know(), e.feel(), e.act()));
        } else if (event instanceof AudienceChanged e) {
            audiences.put(e.audienceId(), new Audience(e.audienceId(), e.name(), e.know(), e.feel(), e.act()));
        } else if (event instanceof AudienceRemoved e) {
            audiences.remove(e.audienceId());
        } else if (event instanceof TargetGroupAdded e) {
            targetGroups.put(e.targetGroupId(), new TargetGroup(e.targetGroupId(), e.name(), e.priority(), e.scope(), e.description()));
        } else if (event instanceof TargetGroupChanged e) {
            targetGroups.put(e.targetGroupId(), new TargetGroup(e.targetGroupId(), e.name(), e.priority(), e.scope(), e.description()));
        } else if (event instanceof TargetGroupRemoved e) {
            targetGroups.remove(e.targetGroupId());
        } else if (event instanceof ChannelAdded e) {
            channels.put(e.channelId(), new Channel(e.channelId(), e.name(), e.audience(), e.purpose(), e.scope()));
        } else if (event instanceof ChannelChanged e) {
            channels.put(e.channelId(), new Channel(e.channelId(), e.name(), e.audience(), e.purpose(), e.scope()));
        } else if (event instanceof ChannelRemoved e) {
            channels.remove(e.channelId());
        } else if (event instanceof KeyMessageAdded e) {
            messages.put(e.messageId(), new KeyMessage(e.messageId(), e.text(), e.audience()));
        } else if (event instanceof KeyMessageChanged e) {
            messages.put(e.messageId(), new KeyMessage(e.messageId(), e.text(), e.audience()));
        } else if (event instanceof KeyMessageRemoved e) {
            messages.remove(e.messageId());
        } else if (event instanceof RiskAdded e) {
            risks.put(e.riskId(), new Risk(e.riskId(), e.description(), e.mitigation(), e.likelihood(), e.impact()));
        } else if (event instanceof RiskChanged e) {
            risks.put(e.riskId(), new Risk(e.riskId(), e.description(), e.mitigation(), e.likelihood(), e.impact()));
        } else if (event instanceof RiskRemoved e) {
            risks.remove(e.riskId());
        } else if (event instanceof StakeholderAdded e) {
            stakeholders.put(e.stakeholderId(), e.name());
        } else if (event instanceof StakeholderRemoved e) {
            stakeholders.remove(e.stakeholderId());
            matrix.remove(e.stakeholderId());
        } else if (event instanceof InformationProductAdded e) {
            products.put(e.productId(), e.name());
        } else if (event instanceof InformationProductRemoved e) {
            products.remove(e.productId());
            matrix.values().forEach(row -> row.remove(e.productId()));
        } else if (event instanceof StakeholderMatrixCellSet e) {
            Map<String, MatrixCode> row = matrix.computeIfAbsent(e.stakeholderId(), id -> new LinkedHashMap<>());
            if (e.code() == MatrixCode.NONE) {
                row.remove(e.productId());
            } else {
                row.put(e.productId(), e.code());
            }
        } else if (event instanceof ChecklistItemAdded e) {
            checklist.put(e.itemId(), new ChecklistItem(e.itemId(), e.question(), null, null));
        } else if (event instanceof ChecklistItemAnswered e) {
            ChecklistItem item = checklist.get(e.itemId());
            checklist.put(e.itemId(), new ChecklistItem(e.itemId(), item.question(), e.answer(), e.comment()));
        } else if (event instanceof ChecklistItemRemoved e) {
            checklist.remove(e.itemId());
        } else if (event instanceof PartnerAssociationAdded e) {
            partners.put(e.partnerAssociationId(), e.access());
        } else if (event instanceof PartnerAssociationRemoved e) {
            partners.remove(e.partnerAssociationId());
        } else if (event instanceof MilestoneAdded e) {
            milestones.put(e.milestoneId(), new Milestone(e.milestoneId(), e.name(), e.targetDate(), e.forecastDate(), e.status()));
        } else if (event instanceof MilestoneRenamed e) {
            Milestone m = milestones.get(e.milestoneId());
            milestones.put(m.milestoneId(), new Milestone(m.milestoneId(), e.name(), m.targetDate(), m.forecastDate(), m.status()));
        } else if (event instanceof MilestoneTargetDateChanged e) {
            Milestone m = milestones.get(e.milestoneId());
            milestones.put(m.milestoneId(), new Milestone(m.milestoneId(), m.name(), e.newDate(), m.forecastDate(), m.status()));
        } else if (event instanceof MilestoneForecastChanged e) {
            Milestone m = milestones.get(e.milestoneId());
            milestones.put(m.milestoneId(), new Milestone(m.milestoneId(), m.name(), m.targetDate(), e.newDate(), m.status()));
        } else if (event instanceof MilestoneStatusChanged e) {
            Milestone m = milestones.get(e.milestoneId());
            milestones.put(m.milestoneId(), new Milestone(m.milestoneId(), m.name(), m.targetDate(), m.forecastDate(), e.newStatus()));
        } else if (event instanceof MilestoneRemoved e) {
            milestones.remove(e.milestoneId());
        } else if (event instanceof PlanPresented e) {
            status = Status.PRESENTED;
            presentedOn = e.presentedOn();
            presentedTo = e.presentedTo();
        } else if (event instanceof PlanDecided e) {
            status = Status.DECIDED;
            decisions.add(new Decision(e.version(), e.decidedOn(), e.decidedBy()));
        } else if (event instanceof PlanRevisionStarted e) {
            status = Status.REVISING;
            version = e.version();
            presentedOn = null;
            presentedTo = null;
        } else if (event instanceof PlanClosed) {
            status = Status.CLOSED;
        }
    }

    PlanView view(long sequence) {
        List<PlanView.MatrixRow> rows = new ArrayList<>();
        stakeholders.forEach((id, name) -> {
            Map<String, MatrixCode> cells = new LinkedHashMap<>();
            products.keySet().forEach(product -> cells.put(product,
                    matrix.getOrDefault(id, Map.of()).getOrDefault(product, MatrixCode.NONE)));
            rows.add(new PlanView.MatrixRow(id, name, cells));
        });
        Map<String, String> sectionTexts = new LinkedHashMap<>();
        sections.forEach((section, text) -> sectionTexts.put(section.name(), text));
        return new PlanView(planId, associationId, title, periodStart, periodEnd, ownerId, status.name(), version,
                sequence, presentedOn, presentedTo, List.copyOf(decisions), sectionTexts,
                goals.entrySet().stream().map(g -> new Goal(g.getKey(), g.getValue())).toList(),
                List.copyOf(audiences.values()), List.copyOf(targetGroups.values()), List.copyOf(channels.values()),
                List.copyOf(messages.values()), List.copyOf(risks.values()),
                stakeholders.entrySet().stream().map(s -> new Named(s.getKey(), s.getValue())).toList(),
                products.entrySet().stream().map(p -> new Named(p.getKey(), p.getValue())).toList(),
                rows, List.copyOf(checklist.values()),
                partners.entrySet().stream().map(p -> new Partner(p.getKey(), p.getValue())).toList(),
                List.copyOf(milestones.values()));
    }
}
