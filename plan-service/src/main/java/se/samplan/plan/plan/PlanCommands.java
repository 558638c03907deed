package se.samplan.plan.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.samplan.events.plan.MatrixCode;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PlanSection;
import se.samplan.events.plan.Rating;
import se.samplan.events.plan.Scope;
import se.samplan.events.plan.TargetGroupPriority;

import java.time.LocalDate;

/**
 * Every command of the Plan aggregate. Each change names the plan version (the sequence of its
 * last event) the writer read: Axon refuses it if the plan has changed since.
 */
interface PlanCommands {

    record CreatePlan(String planId, String associationId, String title, LocalDate periodStart, LocalDate periodEnd,
                      String ownerId) { }

    record RetitlePlan(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                       String title) { }

    record ChangePlanPeriod(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                            LocalDate periodStart, LocalDate periodEnd) { }

    record ChangePlanOwner(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                           String ownerId) { }

    record WritePlanSection(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                            PlanSection section, String text) { }

    record AddPlanGoal(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                       String goalId, String text) { }

    record ChangePlanGoal(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                          String goalId, String text) { }

    record RemovePlanGoal(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                          String goalId) { }

    record AddAudience(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                       String audienceId, String name, String know, String feel, String act) { }

    record ChangeAudience(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                          String audienceId, String name, String know, String feel, String act) { }

    record RemoveAudience(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                          String audienceId) { }

    record AddTargetGroup(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                          String targetGroupId, String name, TargetGroupPriority priority, Scope scope,
                          String description) { }

    record ChangeTargetGroup(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                             String targetGroupId, String name, TargetGroupPriority priority, Scope scope,
                             String description) { }

    record RemoveTargetGroup(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                             String targetGroupId) { }

    record AddChannel(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                      String channelId, String name, String audience, String purpose, Scope scope) { }

    record ChangeChannel(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                         String channelId, String name, String audience, String purpose, Scope scope) { }

    record RemoveChannel(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                         String channelId) { }

    record AddKeyMessage(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                         String messageId, String text, String audience) { }

    record ChangeKeyMessage(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                            String messageId, String text, String audience) { }

    record RemoveKeyMessage(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                            String messageId) { }

    record AddRisk(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                   String riskId, String description, String mitigation, Integer likelihood, Integer impact) { }

    record ChangeRisk(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                      String riskId, String description, String mitigation, Integer likelihood, Integer impact) { }

    record RemoveRisk(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                      String riskId) { }

    record AddStakeholder(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                          String stakeholderId, String name) { }

    record RemoveStakeholder(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                             String stakeholderId) { }

    record AddInformationProduct(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                                 String productId, String name) { }

    record RemoveInformationProduct(@TargetAggregateIdentifier String planId,
                                    @TargetAggregateVersion Long expectedVersion, String productId) { }

    record SetStakeholderMatrixCell(@TargetAggregateIdentifier String planId,
                                    @TargetAggregateVersion Long expectedVersion, String stakeholderId,
                                    String productId, MatrixCode code) { }

    record AddChecklistItem(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                            String itemId, String question) { }

    record AnswerChecklistItem(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                               String itemId, Boolean answer, String comment) { }

    record RemoveChecklistItem(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                               String itemId) { }

    record AddPartnerAssociation(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                                 String partnerAssociationId, PartnerAccess access) { }

    record RemovePartnerAssociation(@TargetAggregateIdentifier String planId,
                                    @TargetAggregateVersion Long expectedVersion, String partnerAssociationId) { }

    record AddMilestone(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                        String milestoneId, String name, LocalDate targetDate, LocalDate forecastDate, Rating status) { }

    record RenameMilestone(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                           String milestoneId, String name) { }

    record ChangeMilestoneTargetDate(@TargetAggregateIdentifier String planId,
                                     @TargetAggregateVersion Long expectedVersion, String milestoneId, LocalDate date,
                                     String reason) { }

    record ChangeMilestoneForecast(@TargetAggregateIdentifier String planId,
                                   @TargetAggregateVersion Long expectedVersion, String milestoneId, LocalDate date,
                                   String reason) { }

    record ChangeMilestoneStatus(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                                 String milestoneId, Rating status, String reason) { }

    record RemoveMilestone(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                           String milestoneId) { }

    record PresentPlan(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                       LocalDate presentedOn, String presentedTo) { }

    record DecidePlan(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                      LocalDate decidedOn, String decidedBy) { }

    record RevisePlan(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                      String reason) { }

    record ClosePlan(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                     LocalDate closedOn, String reason) { }
}
