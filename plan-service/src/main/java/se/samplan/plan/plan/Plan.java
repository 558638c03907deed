package se.samplan.plan.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
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
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.MilestoneForecastChanged;
import se.samplan.events.plan.MilestoneRemoved;
import se.samplan.events.plan.MilestoneRenamed;
import se.samplan.events.plan.MilestoneStatusChanged;
import se.samplan.events.plan.MilestoneTargetDateChanged;
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
import se.samplan.events.plan.PlanSectionWritten;
import se.samplan.events.plan.RiskAdded;
import se.samplan.events.plan.RiskChanged;
import se.samplan.events.plan.RiskRemoved;
import se.samplan.events.plan.StakeholderAdded;
import se.samplan.events.plan.StakeholderMatrixCellSet;
import se.samplan.events.plan.StakeholderRemoved;
import se.samplan.events.plan.TargetGroupAdded;
import se.samplan.events.plan.TargetGroupChanged;
import se.samplan.events.plan.TargetGroupRemoved;
import se.samplan.plan.DomainRuleViolated;
import se.samplan.plan.TransitionRejected;
import se.samplan.plan.plan.PlanCommands.*;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A communication or project plan of one association; its events are its whole history.
 *
 * <p>Lifecycle: DRAFT → PRESENTED → DECIDED → (revise) REVISING → PRESENTED → DECIDED … → CLOSED.
 * Content changes while the plan is a draft, presented or being revised; a decided version is
 * frozen. Milestone forecasts and statuses are followed up in every state but closed.
 *
 * <p>Snapshots ({@link PlanSnapshots}) store this object as JSON, its fields as they are. Raise the
 * revision whenever a field of it or of {@link PlanDocument} changes: Axon then ignores the older
 * snapshots and folds the plan from its events again.
 */
@Aggregate(snapshotTriggerDefinition = PlanSnapshots.TRIGGER)
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Plan {

    static final int MAX_TITLE_LENGTH = 300;
    static final int MAX_TEXT_LENGTH = 20_000;

    @AggregateIdentifier
    private String planId;
    private PlanDocument document = new PlanDocument();

    Plan() {
        // for Axon: the state is rebuilt from the events
    }

    @CommandHandler
    Plan(CreatePlan command) {
        String title = title(command.title());
        period(command.periodStart(), command.periodEnd());
        apply(new PlanCreated(command.planId(), command.associationId(), title, command.periodStart(),
                command.periodEnd(), command.ownerId()));
    }

    @CommandHandler
    void handle(RetitlePlan command) {
        editable();
        String title = title(command.title());
        if (!title.equals(document.title)) {
            apply(new PlanRetitled(planId, association(), title));
        }
    }

    @CommandHandler
    void handle(ChangePlanPeriod command) {
        editable();
        period(command.periodStart(), command.periodEnd());
        apply(new PlanPeriodChanged(planId, association(), command.periodStart(), command.periodEnd()));
    }

    @CommandHandler
    void handle(ChangePlanOwner command) {
        notClosed();
        apply(new PlanOwnerChanged(planId, association(), required("ownerId", command.ownerId(), 255)));
    }

    @CommandHandler
    void handle(WritePlanSection command) {
        editable();
        Objects.requireNonNull(command.section(), "section");
        String text = command.text() == null ? "" : text("text", command.text());
        apply(new PlanSectionWritten(planId, association(), command.section(), text.strip()));
    }

    @CommandHandler
    void handle(AddPlanGoal command) {
        editable();
        fresh(document.goals, command.goalId(), "goalId");
        apply(new PlanGoalAdded(planId, association(), command.goalId(), required("text", command.text(), MAX_TEXT_LENGTH)));
    }

    @CommandHandler
    void handle(ChangePlanGoal command) {
        editable();
        known(document.goals, command.goalId(), "goalId");
        apply(new PlanGoalChanged(planId, association(), command.goalId(), required("text", command.text(), MAX_TEXT_LENGTH)));
    }

    @CommandHandler
    void handle(RemovePlanGoal command) {
        editable();
        known(document.goals, command.goalId(), "goalId");
        apply(new PlanGoalRemoved(planId, association(), command.goalId()));
    }

    @CommandHandler
    void handle(AddAudience command) {
        editable();
        fresh(document.audiences, command.audienceId(), "audienceId");
        apply(new AudienceAdded(planId, association(), command.audienceId(), required("name", command.name(), 300),
                optional("know", command.know()), optional("feel", command.feel()), optional("act", command.act())));
    }

    @CommandHandler
    void handle(ChangeAudience command) {
        editable();
        known(document.audiences, command.audienceId(), "audienceId");
        apply(new AudienceChanged(planId, association(), command.audienceId(), required("name", command.name(), 300),
                optional("know", command.know()), optional("feel", command.feel()), optional("act", command.act())));
    }

    @CommandHandler
    void handle(RemoveAudience command) {
        editable();
        known(document.audiences, command.audienceId(), "audienceId");
        apply(new AudienceRemoved(planId, association(), command.audienceId()));
    }

    @CommandHandler
    void handle(AddTargetGroup command) {
        editable();
        fresh(document.targetGroups, command.targetGroupId(), "targetGroupId");
        apply(new TargetGroupAdded(planId, association(), command.targetGroupId(), required("name", command.name(), 300),
                present("priority", command.priority()), present("scope", command.scope()),
                optional("description", command.description())));
    }

    @CommandHandler
    void handle(ChangeTargetGroup command) {
        editable();
        known(document.targetGroups, command.targetGroupId(), "targetGroupId");
        apply(new TargetGroupChanged(planId, association(), command.targetGroupId(), required("name", command.name(), 300),
                present("priority", command.priority()), present("scope", command.scope()),
                optional("description", command.description())));
    }

    @CommandHandler
    void handle(RemoveTargetGroup command) {
        editable();
        known(document.targetGroups, command.targetGroupId(), "targetGroupId");
        apply(new TargetGroupRemoved(planId, association(), command.targetGroupId()));
    }

    @CommandHandler
    void handle(AddChannel command) {
        editable();
        fresh(document.channels, command.channelId(), "channelId");
        apply(new ChannelAdded(planId, association(), command.channelId(), required("name", command.name(), 300),
                optional("audience", command.audience()), optional("purpose", command.purpose()),
                present("scope", command.scope())));
    }

    @CommandHandler
    void handle(ChangeChannel command) {
        editable();
        known(document.channels, command.channelId(), "channelId");
        apply(new ChannelChanged(planId, association(), command.channelId(), required("name", command.name(), 300),
                optional("audience", command.audience()), optional("purpose", command.purpose()),
                present("scope", command.scope())));
    }

    @CommandHandler
    void handle(RemoveChannel command) {
        editable();
        known(document.channels, command.channelId(), "channelId");
        apply(new ChannelRemoved(planId, association(), command.channelId()));
    }

    @CommandHandler
    void handle(AddKeyMessage command) {
        editable();
        fresh(document.messages, command.messageId(), "messageId");
        apply(new KeyMessageAdded(planId, association(), command.messageId(), required("text", command.text(), MAX_TEXT_LENGTH),
                optional("audience", command.audience())));
    }

    @CommandHandler
    void handle(ChangeKeyMessage command) {
        editable();
        known(document.messages, command.messageId(), "messageId");
        apply(new KeyMessageChanged(planId, association(), command.messageId(), required("text", command.text(), MAX_TEXT_LENGTH),
                optional("audience", command.audience())));
    }

    @CommandHandler
    void handle(RemoveKeyMessage command) {
        editable();
        known(document.messages, command.messageId(), "messageId");
        apply(new KeyMessageRemoved(planId, association(), command.messageId()));
    }

    @CommandHandler
    void handle(AddRisk command) {
        editable();
        fresh(document.risks, command.riskId(), "riskId");
        apply(new RiskAdded(planId, association(), command.riskId(), required("description", command.description(), MAX_TEXT_LENGTH),
                optional("mitigation", command.mitigation()), scale("likelihood", command.likelihood()),
                scale("impact", command.impact())));
    }

    @CommandHandler
    void handle(ChangeRisk command) {
        editable();
        known(document.risks, command.riskId(), "riskId");
        apply(new RiskChanged(planId, association(), command.riskId(), required("description", command.description(), MAX_TEXT_LENGTH),
                optional("mitigation", command.mitigation()), scale("likelihood", command.likelihood()),
                scale("impact", command.impact())));
    }

    @CommandHandler
    void handle(RemoveRisk command) {
        editable();
        known(document.risks, command.riskId(), "riskId");
        apply(new RiskRemoved(planId, association(), command.riskId()));
    }

    @CommandHandler
    void handle(AddStakeholder command) {
        editable();
        fresh(document.stakeholders, command.stakeholderId(), "stakeholderId");
        apply(new StakeholderAdded(planId, association(), command.stakeholderId(), required("name", command.name(), 300)));
    }

    @CommandHandler
    void handle(RemoveStakeholder command) {
        editable();
        known(document.stakeholders, command.stakeholderId(), "stakeholderId");
        apply(new StakeholderRemoved(planId, association(), command.stakeholderId()));
    }

    @CommandHandler
    void handle(AddInformationProduct command) {
        editable();
        fresh(document.products, command.productId(), "productId");
        apply(new InformationProductAdded(planId, association(), command.productId(), required("name", command.name(), 300)));
    }

    @CommandHandler
    void handle(RemoveInformationProduct command) {
        editable();
        known(document.products, command.productId(), "productId");
        apply(new InformationProductRemoved(planId, association(), command.productId()));
    }

    @CommandHandler
    void handle(SetStakeholderMatrixCell command) {
        editable();
        known(document.stakeholders, command.stakeholderId(), "stakeholderId");
        known(document.products, command.productId(), "productId");
        apply(new StakeholderMatrixCellSet(planId, association(), command.stakeholderId(), command.productId(),
                present("code", command.code())));
    }

    @CommandHandler
    void handle(AddChecklistItem command) {
        editable();
        fresh(document.checklist, command.itemId(), "itemId");
        apply(new ChecklistItemAdded(planId, association(), command.itemId(), required("question", command.question(), 1000)));
    }

    @CommandHandler
    void handle(AnswerChecklistItem command) {
        editable();
        known(document.checklist, command.itemId(), "itemId");
        apply(new ChecklistItemAnswered(planId, association(), command.itemId(), command.answer(),
                optional("comment", command.comment())));
    }

    @CommandHandler
    void handle(RemoveChecklistItem command) {
        editable();
        known(document.checklist, command.itemId(), "itemId");
        apply(new ChecklistItemRemoved(planId, association(), command.itemId()));
    }

    @CommandHandler
    void handle(AddPartnerAssociation command) {
        notClosed();
        String partner = required("partnerAssociationId", command.partnerAssociationId(), 255);
        if (partner.equals(association())) {
            throw new DomainRuleViolated("partnerAssociationId", "The owning association is no partner of its own plan");
        }
        apply(new PartnerAssociationAdded(planId, association(), partner, present("access", command.access())));
    }

    @CommandHandler
    void handle(RemovePartnerAssociation command) {
        notClosed();
        known(document.partners, command.partnerAssociationId(), "partnerAssociationId");
        apply(new PartnerAssociationRemoved(planId, association(), command.partnerAssociationId()));
    }

    @CommandHandler
    void handle(AddMilestone command) {
        editable();
        fresh(document.milestones, command.milestoneId(), "milestoneId");
        apply(new MilestoneAdded(planId, association(), command.milestoneId(), required("name", command.name(), 300),
                command.targetDate(), command.forecastDate(), present("status", command.status())));
    }

    @CommandHandler
    void handle(RenameMilestone command) {
        editable();
        PlanDocument.Milestone milestone = known(document.milestones, command.milestoneId(), "milestoneId");
        String name = required("name", command.name(), 300);
        if (!name.equals(milestone.name())) {
            apply(new MilestoneRenamed(planId, association(), command.milestoneId(), name));
        }
    }

    @CommandHandler
    void handle(ChangeMilestoneTargetDate command) {
        editable();
        PlanDocument.Milestone milestone = known(document.milestones, command.milestoneId(), "milestoneId");
        if (!Objects.equals(milestone.targetDate(), command.date())) {
            apply(new MilestoneTargetDateChanged(planId, association(), command.milestoneId(), milestone.targetDate(),
                    command.date(), optional("reason", command.reason())));
        }
    }

    @CommandHandler
    void handle(ChangeMilestoneForecast command) {
        notClosed();
        PlanDocument.Milestone milestone = known(document.milestones, command.milestoneId(), "milestoneId");
        if (!Objects.equals(milestone.forecastDate(), command.date())) {
            apply(new MilestoneForecastChanged(planId, association(), command.milestoneId(), milestone.forecastDate(),
                    command.date(), optional("reason", command.reason())));
        }
    }

    @CommandHandler
    void handle(ChangeMilestoneStatus command) {
        notClosed();
        PlanDocument.Milestone milestone = known(document.milestones, command.milestoneId(), "milestoneId");
        if (milestone.status() != present("status", command.status())) {
            apply(new MilestoneStatusChanged(planId, association(), command.milestoneId(), milestone.status(),
                    command.status(), optional("reason", command.reason())));
        }
    }

    @CommandHandler
    void handle(RemoveMilestone command) {
        editable();
        known(document.milestones, command.milestoneId(), "milestoneId");
        apply(new MilestoneRemoved(planId, association(), command.milestoneId()));
    }

    @CommandHandler
    void handle(PresentPlan command) {
        if (document.status != PlanDocument.Status.DRAFT && document.status != PlanDocument.Status.REVISING) {
            throw new TransitionRejected("Only a draft or a revision can be presented; the plan is " + document.status);
        }
        apply(new PlanPresented(planId, association(), document.version, present("presentedOn", command.presentedOn()),
                optional("presentedTo", command.presentedTo())));
    }

    @CommandHandler
    void handle(DecidePlan command) {
        if (document.status != PlanDocument.Status.PRESENTED) {
            throw new TransitionRejected("Only a presented plan can be decided; the plan is " + document.status);
        }
        LocalDate decidedOn = present("decidedOn", command.decidedOn());
        if (document.presentedOn != null && decidedOn.isBefore(document.presentedOn)) {
            throw new DomainRuleViolated("decidedOn", "A plan is decided after it was presented (" + document.presentedOn + ")");
        }
        apply(new PlanDecided(planId, association(), document.version, decidedOn,
                required("decidedBy", command.decidedBy(), 300)));
    }

    @CommandHandler
    void handle(RevisePlan command) {
        if (document.status != PlanDocument.Status.DECIDED) {
            throw new TransitionRejected("Only a decided plan can be revised; the plan is " + document.status);
        }
        apply(new PlanRevisionStarted(planId, association(), document.version + 1, optional("reason", command.reason())));
    }

    @CommandHandler
    void handle(ClosePlan command) {
        notClosed();
        apply(new PlanClosed(planId, association(), present("closedOn", command.closedOn()),
                optional("reason", command.reason())));
    }

    @EventSourcingHandler
    void on(PlanEvent event) {
        if (event instanceof PlanCreated created) {
            planId = created.planId();
        }
        document.apply(event);
    }

    // Rules shared by the handlers. Each names the field at fault.

    private String association() {
        return document.associationId;
    }

    private void editable() {
        notClosed();
        if (document.status == PlanDocument.Status.DECIDED) {
            throw new TransitionRejected("Version " + document.version + " is decided: revise the plan to change it");
        }
    }

    private void notClosed() {
        if (document.status == PlanDocument.Status.CLOSED) {
            throw new TransitionRejected("The plan is closed");
        }
    }

    private static String title(String title) {
        return required("title", title, MAX_TITLE_LENGTH);
    }

    private static void period(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new DomainRuleViolated("periodEnd", "The period ends before it starts");
        }
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new DomainRuleViolated(field, field + " must not be empty");
        }
        if (value.length() > maxLength) {
            throw new DomainRuleViolated(field, field + " has at most " + maxLength + " characters");
        }
        return value.strip();
    }

    private static String optional(String field, String value) {
        return value == null || value.isBlank() ? null : text(field, value).strip();
    }

    private static String text(String field, String value) {
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new DomainRuleViolated(field, field + " has at most " + MAX_TEXT_LENGTH + " characters");
        }
        return value;
    }

    private static <T> T present(String field, T value) {
        if (value == null) {
            throw new DomainRuleViolated(field, field + " is required");
        }
        return value;
    }

    private static Integer scale(String field, Integer value) {
        if (value != null && (value < 1 || value > 5)) {
            throw new DomainRuleViolated(field, field + " is from 1 to 5");
        }
        return value;
    }

    private static void fresh(Map<String, ?> items, String id, String field) {
        required(field, id, 255);
        if (items.containsKey(id)) {
            throw new DomainRuleViolated(field, "There already is a " + field + " " + id);
        }
    }

    private static <T> T known(Map<String, T> items, String id, String field) {
        T item = id == null ? null : items.get(id);
        if (item == null) {
            throw new DomainRuleViolated(field, "No " + field + " " + id + " in this plan");
        }
        return item;
    }
}
