package se.samplan.plan.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.samplan.events.plan.MatrixCode;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PlanSection;
import se.samplan.events.plan.Rating;
import se.samplan.events.plan.Scope;
import se.samplan.events.plan.TargetGroupPriority;
import se.samplan.plan.plan.PlanCommands.*;
import se.samplan.plan.web.Caller;
import se.samplan.plan.web.ETags;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * The plan API. Every change names the version it read in {@code If-Match} (the ETag of the last
 * read or write); a stale one is a 409 and changes nothing. An addition answers 201 with the new
 * item's path in {@code Location}; every change answers with the whole plan and its new ETag.
 */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "Plans")
class PlanController {

    private final CommandGateway commands;
    private final PlanReads reads;

    PlanController(CommandGateway commands, PlanReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    // Request bodies. The aggregate checks every rule again; these name the fields early.

    record NewPlan(@NotBlank @Size(max = Plan.MAX_TITLE_LENGTH) String title, LocalDate periodStart, LocalDate periodEnd) { }

    record Title(@NotBlank @Size(max = Plan.MAX_TITLE_LENGTH) String title) { }

    record Period(LocalDate periodStart, LocalDate periodEnd) { }

    record Owner(@NotBlank String ownerId) { }

    record Text(@Size(max = Plan.MAX_TEXT_LENGTH) String text) { }

    record RequiredText(@NotBlank @Size(max = Plan.MAX_TEXT_LENGTH) String text) { }

    record AudienceBody(@NotBlank @Size(max = 300) String name, String know, String feel, String act) { }

    record TargetGroupBody(@NotBlank @Size(max = 300) String name, @NotNull TargetGroupPriority priority,
                           @NotNull Scope scope, String description) { }

    record ChannelBody(@NotBlank @Size(max = 300) String name, String audience, String purpose, @NotNull Scope scope) { }

    record KeyMessageBody(@NotBlank String text, String audience) { }

    record RiskBody(@NotBlank String description, String mitigation, @Min(1) @Max(5) Integer likelihood,
                    @Min(1) @Max(5) Integer impact) { }

    record Name(@NotBlank @Size(max = 300) String name) { }

    record Cell(@NotNull MatrixCode code) { }

    record Question(@NotBlank @Size(max = 1000) String question) { }

    record Answer(Boolean answer, String comment) { }

    record Access(@NotNull PartnerAccess access) { }

    record MilestoneBody(@NotBlank @Size(max = 300) String name, LocalDate targetDate, LocalDate forecastDate,
                         @NotNull Rating status) { }

    record DateChange(LocalDate date, String reason) { }

    record StatusChange(@NotNull Rating status, String reason) { }

    record Presentation(@NotNull LocalDate presentedOn, String presentedTo) { }

    record Decision(@NotNull LocalDate decidedOn, @NotBlank String decidedBy) { }

    record Revision(String reason) { }

    record Closing(@NotNull LocalDate closedOn, String reason) { }

    // Reads

    @PostMapping
    @Operation(summary = "Draft a plan for the caller's association")
    ResponseEntity<PlanView> create(Caller caller, @Valid @RequestBody NewPlan body) {
        caller.require(Caller.Work.PLAN);
        String planId = UUID.randomUUID().toString();
        send(caller, new CreatePlan(planId, caller.associationId(), body.title(), body.periodStart(), body.periodEnd(),
                caller.userId()));
        PlanView created = readable(caller, planId);
        return ResponseEntity.created(URI.create("/api/plans/" + planId)).eTag(created.etag()).body(created);
    }

    @GetMapping("/{planId}")
    @Operation(summary = "Read a plan of the caller's association, or one shared with it")
    ResponseEntity<PlanView> get(Caller caller, @PathVariable String planId) {
        PlanView plan = readable(caller, planId);
        return ResponseEntity.ok().eTag(plan.etag()).body(plan);
    }

    @GetMapping("/{planId}/versions/{version}")
    @Operation(summary = "Read a version of a plan as it was when the next version began (or now, for the newest)")
    PlanView version(Caller caller, @PathVariable String planId, @PathVariable int version) {
        return reads.readable(caller, planId, version);
    }

    // Plan: its title, period and owner are the owner's decisions, like its lifecycle

    @PutMapping("/{planId}/title")
    ResponseEntity<PlanView> retitle(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody Title body) {
        return owned(caller, planId, ifMatch, v -> new RetitlePlan(planId, v, body.title()));
    }

    @PutMapping("/{planId}/period")
    ResponseEntity<PlanView> period(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody Period body) {
        return owned(caller, planId, ifMatch, v -> new ChangePlanPeriod(planId, v, body.periodStart(), body.periodEnd()));
    }

    @PutMapping("/{planId}/owner")
    ResponseEntity<PlanView> owner(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody Owner body) {
        return owned(caller, planId, ifMatch, v -> new ChangePlanOwner(planId, v, body.ownerId()));
    }

    @PutMapping("/{planId}/sections/{section}")
    @Operation(summary = "Write a free-text section: BACKGROUND, PURPOSE, STRATEGY, HORIZONTAL_PRINCIPLES, EVALUATION")
    ResponseEntity<PlanView> section(Caller caller, @PathVariable String planId, @PathVariable PlanSection section,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody Text body) {
        return change(caller, planId, ifMatch, v -> new WritePlanSection(planId, v, section, body.text()));
    }

    // Overall goals

    @PostMapping("/{planId}/goals")
    ResponseEntity<PlanView> addGoal(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody RequiredText body) {
        return add(caller, planId, ifMatch, "goals", (id, v) -> new AddPlanGoal(planId, v, id, body.text()));
    }

    @PutMapping("/{planId}/goals/{goalId}")
    ResponseEntity<PlanView> changeGoal(Caller caller, @PathVariable String planId, @PathVariable String goalId,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody RequiredText body) {
        return change(caller, planId, ifMatch, v -> new ChangePlanGoal(planId, v, goalId, body.text()));
    }

    @DeleteMapping("/{planId}/goals/{goalId}")
    ResponseEntity<PlanView> removeGoal(Caller caller, @PathVariable String planId, @PathVariable String goalId,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(caller, planId, ifMatch, v -> new RemovePlanGoal(planId, v, goalId));
    }

    // Audiences with know / feel / act

    @PostMapping("/{planId}/audiences")
    ResponseEntity<PlanView> addAudience(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody AudienceBody body) {
        return add(caller, planId, ifMatch, "audiences",
                (id, v) -> new AddAudience(planId, v, id, body.name(), body.know(), body.feel(), body.act()));
    }

    @PutMapping("/{planId}/audiences/{audienceId}")
    ResponseEntity<PlanView> changeAudience(Caller caller, @PathVariable String planId, @PathVariable String audienceId,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody AudienceBody body) {
        return change(caller, planId, ifMatch,
                v -> new ChangeAudience(planId, v, audienceId, body.name(), body.know(), body.feel(), body.act()));
    }

    @DeleteMapping("/{planId}/audiences/{audienceId}")
    ResponseEntity<PlanView> removeAudience(Caller caller, @PathVariable String planId, @PathVariable String audienceId,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(caller, planId, ifMatch, v -> new RemoveAudience(planId, v, audienceId));
    }

    // Target groups

    @PostMapping("/{planId}/target-groups")
    ResponseEntity<PlanView> addTargetGroup(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody TargetGroupBody body) {
        return add(caller, planId, ifMatch, "target-groups", (id, v) -> new AddTargetGroup(planId, v, id, body.name(),
                body.priority(), body.scope(), body.description()));
    }

    @PutMapping("/{planId}/target-groups/{targetGroupId}")
    ResponseEntity<PlanView> changeTargetGroup(Caller caller, @PathVariable String planId,
                                               @PathVariable String targetGroupId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               @Valid @RequestBody TargetGroupBody body) {
        return change(caller, planId, ifMatch, v -> new ChangeTargetGroup(planId, v, targetGroupId, body.name(),
                body.priority(), body.scope(), body.description()));
    }

    @DeleteMapping("/{planId}/target-groups/{targetGroupId}")
    ResponseEntity<PlanView> removeTargetGroup(Caller caller, @PathVariable String planId,
                                               @PathVariable String targetGroupId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(caller, planId, ifMatch, v -> new RemoveTargetGroup(planId, v, targetGroupId));
    }

    // Channels

    @PostMapping("/{planId}/channels")
    ResponseEntity<PlanView> addChannel(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody ChannelBody body) {
        return add(caller, planId, ifMatch, "channels", (id, v) -> new AddChannel(planId, v, id, body.name(),
                body.audience(), body.purpose(), body.scope()));
    }

    @PutMapping("/{planId}/channels/{channelId}")
    ResponseEntity<PlanView> changeChannel(Caller caller, @PathVariable String planId, @PathVariable String channelId,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody ChannelBody body) {
        return change(caller, planId, ifMatch, v -> new ChangeChannel(planId, v, channelId, body.name(),
                body.audience(), body.purpose(), body.scope()));
    }

    @DeleteMapping("/{planId}/channels/{channelId}")
    ResponseEntity<PlanView> removeChannel(Caller caller, @PathVariable String planId, @PathVariable String channelId,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(caller, planId, ifMatch, v -> new RemoveChannel(planId, v, channelId));
    }

    // Key messages

    @PostMapping("/{planId}/key-messages")
    ResponseEntity<PlanView> addKeyMessage(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody KeyMessageBody body) {
        return add(caller, planId, ifMatch, "key-messages",
                (id, v) -> new AddKeyMessage(planId, v, id, body.text(), body.audience()));
    }

    @PutMapping("/{planId}/key-messages/{messageId}")
    ResponseEntity<PlanView> changeKeyMessage(Caller caller, @PathVariable String planId, @PathVariable String messageId,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody KeyMessageBody body) {
        return change(caller, planId, ifMatch, v -> new ChangeKeyMessage(planId, v, messageId, body.text(), body.audience()));
    }

    @DeleteMapping("/{planId}/key-messages/{messageId}")
    ResponseEntity<PlanView> removeKeyMessage(Caller caller, @PathVariable String planId, @PathVariable String messageId,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(caller, planId, ifMatch, v -> new RemoveKeyMessage(planId, v, messageId));
    }

    // Risks

    @PostMapping("/{planId}/risks")
    ResponseEntity<PlanView> addRisk(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody RiskBody body) {
        return add(caller, planId, ifMatch, "risks", (id, v) -> new AddRisk(planId, v, id, body.description(),
                body.mitigation(), body.likelihood(), body.impact()));
    }

    @PutMapping("/{planId}/risks/{riskId}")
    ResponseEntity<PlanView> changeRisk(Caller caller, @PathVariable String planId, @PathVariable String riskId,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody RiskBody body) {
        return change(caller, planId, ifMatch, v -> new ChangeRisk(planId, v, riskId, body.description(),
                body.mitigation(), body.likelihood(), body.impact()));
    }

    @DeleteMapping("/{planId}/risks/{riskId}")
    ResponseEntity<PlanView> removeRisk(Caller caller, @PathVariable String planId, @PathVariable String riskId,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(caller, planId, ifMatch, v -> new RemoveRisk(planId, v, riskId));
    }

    // Stakeholder matrix

    @PostMapping("/{planId}/stakeholders")
    ResponseEntity<PlanView> addStakeholder(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody Name body) {
        return add(caller, planId, ifMatch, "stakeholders", (id, v) -> new AddStakeholder(planId, v, id, body.name()));
    }

    @DeleteMapping("/{planId}/stakeholders/{stakeholderId}")
    ResponseEntity<PlanView> removeStakeholder(Caller caller, @PathVariable String planId,
                                               @PathVariable String stakeholderId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(caller, planId, ifMatch, v -> new RemoveStakeholder(planId, v, stakeholderId));
    }

    @PostMapping("/{planId}/information-products")
    ResponseEntity<PlanView> addProduct(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody Name body) {
        return add(caller, planId, ifMatch, "information-products",
                (id, v) -> new AddInformationProduct(planId, v, id, body.name()));
    }

    @DeleteMapping("/{planId}/information-products/{productId}")
    ResponseEntity<PlanView> removeProduct(Caller caller, @PathVariable String planId, @PathVariable String productId,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(caller, planId, ifMatch, v -> new RemoveInformationProduct(planId, v, productId));
    }

    @PutMapping("/{planId}/stakeholder-matrix/{stakeholderId}/{productId}")
    @Operation(summary = "Set a cell of the stakeholder matrix: D, E, P or NONE")
    ResponseEntity<PlanView> setCell(Caller caller, @PathVariable String planId, @PathVariable String stakeholderId,
                                     @PathVariable String productId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody Cell body) {
        return change(caller, planId, ifMatch,
                v -> new SetStakeholderMatrixCell(planId, v, stakeholderId, productId, body.code()));
    }

    // Checklist

    @PostMapping("/{planId}/checklist")
    ResponseEntity<PlanView> addChecklistItem(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody Question body) {
        return add(caller, planId, ifMatch, "checklist", (id, v) -> new AddChecklistItem(planId, v, id, body.question()));
    }

    @PutMapping("/{planId}/checklist/{itemId}/answer")
    ResponseEntity<PlanView> answer(Caller caller, @PathVariable String planId, @PathVariable String itemId,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody Answer body) {
        return change(caller, planId, ifMatch,
                v -> new AnswerChecklistItem(planId, v, itemId, body.answer(), body.comment()));
    }

    @DeleteMapping("/{planId}/checklist/{itemId}")
    ResponseEntity<PlanView> removeChecklistItem(Caller caller, @PathVariable String planId, @PathVariable String itemId,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(caller, planId, ifMatch, v -> new RemoveChecklistItem(planId, v, itemId));
    }

    // Partner associations: the owner's decision

    @PutMapping("/{planId}/partners/{partnerAssociationId}")
    ResponseEntity<PlanView> addPartner(Caller caller, @PathVariable String planId,
                                        @PathVariable String partnerAssociationId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody Access body) {
        return owned(caller, planId, ifMatch,
                v -> new AddPartnerAssociation(planId, v, partnerAssociationId, body.access()));
    }

    @DeleteMapping("/{planId}/partners/{partnerAssociationId}")
    ResponseEntity<PlanView> removePartner(Caller caller, @PathVariable String planId,
                                           @PathVariable String partnerAssociationId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return owned(caller, planId, ifMatch, v -> new RemovePartnerAssociation(planId, v, partnerAssociationId));
    }

    // Milestones

    @PostMapping("/{planId}/milestones")
    ResponseEntity<PlanView> addMilestone(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody MilestoneBody body) {
        return add(caller, planId, ifMatch, "milestones", (id, v) -> new AddMilestone(planId, v, id, body.name(),
                body.targetDate(), body.forecastDate(), body.status()));
    }

    @PutMapping("/{planId}/milestones/{milestoneId}/name")
    ResponseEntity<PlanView> renameMilestone(Caller caller, @PathVariable String planId,
                                             @PathVariable String milestoneId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody Name body) {
        return change(caller, planId, ifMatch, v -> new RenameMilestone(planId, v, milestoneId, body.name()));
    }

    @PutMapping("/{planId}/milestones/{milestoneId}/target-date")
    ResponseEntity<PlanView> milestoneTarget(Caller caller, @PathVariable String planId,
                                             @PathVariable String milestoneId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody DateChange body) {
        return change(caller, planId, ifMatch,
                v -> new ChangeMilestoneTargetDate(planId, v, milestoneId, body.date(), body.reason()));
    }

    @PutMapping("/{planId}/milestones/{milestoneId}/forecast")
    @Operation(summary = "Move a milestone's forecast (expected end date); null for not known")
    ResponseEntity<PlanView> milestoneForecast(Caller caller, @PathVariable String planId,
                                               @PathVariable String milestoneId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               @Valid @RequestBody DateChange body) {
        return change(caller, planId, ifMatch,
                v -> new ChangeMilestoneForecast(planId, v, milestoneId, body.date(), body.reason()));
    }

    @PutMapping("/{planId}/milestones/{milestoneId}/status")
    ResponseEntity<PlanView> milestoneStatus(Caller caller, @PathVariable String planId,
                                             @PathVariable String milestoneId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody StatusChange body) {
        return change(caller, planId, ifMatch,
                v -> new ChangeMilestoneStatus(planId, v, milestoneId, body.status(), body.reason()));
    }

    @DeleteMapping("/{planId}/milestones/{milestoneId}")
    ResponseEntity<PlanView> removeMilestone(Caller caller, @PathVariable String planId,
                                             @PathVariable String milestoneId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return change(caller, planId, ifMatch, v -> new RemoveMilestone(planId, v, milestoneId));
    }

    // Lifecycle: the owner's decisions

    @PostMapping("/{planId}/presentation")
    ResponseEntity<PlanView> present(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody Presentation body) {
        return owned(caller, planId, ifMatch, v -> new PresentPlan(planId, v, body.presentedOn(), body.presentedTo()));
    }

    @PostMapping("/{planId}/decision")
    ResponseEntity<PlanView> decide(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody Decision body) {
        return owned(caller, planId, ifMatch, v -> new DecidePlan(planId, v, body.decidedOn(), body.decidedBy()));
    }

    @PostMapping("/{planId}/revision")
    ResponseEntity<PlanView> revise(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody Revision body) {
        return owned(caller, planId, ifMatch, v -> new RevisePlan(planId, v, body.reason()));
    }

    @PostMapping("/{planId}/closing")
    ResponseEntity<PlanView> close(Caller caller, @PathVariable String planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody Closing body) {
        return owned(caller, planId, ifMatch, v -> new ClosePlan(planId, v, body.closedOn(), body.reason()));
    }

    // How every write is carried out

    interface AddCommand {
        Object create(String itemId, long expectedVersion);
    }

    private ResponseEntity<PlanView> add(Caller caller, String planId, String ifMatch, String collection, AddCommand command) {
        String itemId = UUID.randomUUID().toString();
        PlanView plan = write(caller, planId, ifMatch, Caller.Work.CONTENT, v -> command.create(itemId, v));
        return ResponseEntity.created(URI.create("/api/plans/" + planId + "/" + collection + "/" + itemId))
                .eTag(plan.etag()).body(plan);
    }

    private ResponseEntity<PlanView> change(Caller caller, String planId, String ifMatch, LongFunction<Object> command) {
        PlanView plan = write(caller, planId, ifMatch, Caller.Work.CONTENT, command);
        return ResponseEntity.ok().eTag(plan.etag()).body(plan);
    }

    private ResponseEntity<PlanView> owned(Caller caller, String planId, String ifMatch, LongFunction<Object> command) {
        PlanView plan = write(caller, planId, ifMatch, Caller.Work.PLAN, command);
        return ResponseEntity.ok().eTag(plan.etag()).body(plan);
    }

    /**
     * A change by the owning association needs a role for the work; a partner with CONTRIBUTE
     * access may change the content (with a role that may in its own association), never the
     * owner's decisions. Who may not even read the plan is told it is not there (404) first.
     */
    private PlanView write(Caller caller, String planId, String ifMatch, Caller.Work work, LongFunction<Object> command) {
        PlanView plan = readable(caller, planId);
        boolean owner = plan.associationId().equals(caller.associationId());
        boolean contributor = plan.partners().stream().anyMatch(p ->
                p.associationId().equals(caller.associationId()) && p.access() == PartnerAccess.CONTRIBUTE);
        if (!owner && (work != Caller.Work.CONTENT || !contributor)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your association may read this plan, not change it");
        }
        caller.require(work);
        send(caller, command.apply(ETags.version(ifMatch)));
        return readable(caller, planId);
    }

    private void send(Caller caller, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(Map.of("tenantId", caller.associationId(), "actor", caller.userId()))));
    }

    private PlanView readable(Caller caller, String planId) {
        return reads.readable(caller, planId);
    }
}
