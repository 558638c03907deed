package se.samplan.plan.plan;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.samplan.events.plan.MatrixCode;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PlanSection;
import se.samplan.events.plan.Rating;
import se.samplan.events.plan.Scope;
import se.samplan.events.plan.TargetGroupPriority;
import se.samplan.plan.DomainRuleViolated;
import se.samplan.plan.TransitionRejected;
import se.samplan.plan.plan.PlanCommands.*;
import se.samplan.plan.web.Caller;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drafts a whole plan from imported content with the same commands the API uses, so every rule
 * of the aggregate applies and every item is its own event. All commands run in one database
 * transaction that each command's unit of work joins: a failure at any point stores nothing,
 * and the publisher never sees a part of the plan.
 */
@Component
public class PlanImport {

    /** A plan as an import describes it; unknown values are null. Names link the matrix to its products. */
    public record Content(String title, LocalDate periodStart, LocalDate periodEnd, String ownerId,
                          Map<PlanSection, String> sections, List<String> goals, List<Audience> audiences,
                          List<TargetGroup> targetGroups, List<Channel> channels, List<KeyMessage> keyMessages,
                          List<Risk> risks, List<String> informationProducts, List<Stakeholder> stakeholders,
                          List<ChecklistItem> checklist, List<Partner> partners, List<Milestone> milestones,
                          Presentation presented, Decision decided) { }

    public record Audience(String name, String know, String feel, String act) { }

    public record TargetGroup(String name, TargetGroupPriority priority, Scope scope, String description) { }

    public record Channel(String name, String audience, String purpose, Scope scope) { }

    public record KeyMessage(String text, String audience) { }

    public record Risk(String description, String mitigation, Integer likelihood, Integer impact) { }

    /** A stakeholder's row of the matrix: information product name → code. */
    public record Stakeholder(String name, Map<String, MatrixCode> cells) { }

    public record ChecklistItem(String question, Boolean answer, String comment) { }

    public record Partner(String associationId, PartnerAccess access) { }

    public record Milestone(String name, LocalDate targetDate, LocalDate forecastDate, Rating status) { }

    public record Presentation(LocalDate date, String to) { }

    public record Decision(LocalDate date, String by) { }

    /** The new plan and its ETag (the sequence of its last event). */
    public record Imported(String planId, long sequence) { }

    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final EventStore eventStore;

    PlanImport(CommandGateway commands, TransactionTemplate transaction, EventStore eventStore) {
        this.commands = commands;
        this.transaction = transaction;
        this.eventStore = eventStore;
    }

    /**
     * Creates the plan, owned by the caller's association, with everything in it; throws
     * {@link Refused} naming the item if a rule refuses any part, and then stores nothing.
     */
    public Imported create(Caller caller, Content content) {
        String planId = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> write(caller, planId, content));
        return new Imported(planId, eventStore.lastSequenceNumberFor(planId).orElse(0L));
    }

    /**
     * Runs the whole import and rolls it back: what the aggregate would refuse is found before
     * anything is stored. Throws {@link Refused} for the first refusal.
     */
    public void rehearse(Caller caller, Content content) {
        transaction.executeWithoutResult(status -> {
            write(caller, UUID.randomUUID().toString(), content);
            status.setRollbackOnly();
        });
    }

    /** The aggregate refused an item: {@code row} names it ({@code milestones[2]}), {@code itemField} its field. */
    public static final class Refused extends DomainRuleViolated {
        private final String row;
        private final String itemField;

        Refused(String row, String itemField, String message) {
            super(row.isEmpty() ? itemField : row + "." + itemField, message);
            this.row = row;
            this.itemField = itemField;
        }

        public String row() {
            return row;
        }

        public String itemField() {
            return itemField;
        }
    }

    private void write(Caller caller, String planId, Content content) {
        Writer w = new Writer(caller);
        w.send("", new CreatePlan(planId, caller.associationId(), content.title(), content.periodStart(),
                content.periodEnd(), caller.userId()));
        if (content.ownerId() != null && !content.ownerId().equals(caller.userId())) {
            w.send("", new ChangePlanOwner(planId, null, content.ownerId()));
        }
        content.sections().forEach((section, text) ->
                w.send("sections." + section.name(), new WritePlanSection(planId, null, section, text)));
        each(content.goals(), (path, goal) -> w.send("goals" + path, new AddPlanGoal(planId, null, id(), goal)));
        each(content.audiences(), (path, a) -> w.send("audiences" + path,
                new AddAudience(planId, null, id(), a.name(), a.know(), a.feel(), a.act())));
        each(content.targetGroups(), (path, g) -> w.send("targetGroups" + path,
                new AddTargetGroup(planId, null, id(), g.name(), g.priority(), g.scope(), g.description())));
        each(content.channels(), (path, c) -> w.send("channels" + path,
                new AddChannel(planId, null, id(), c.name(), c.audience(), c.purpose(), c.scope())));
        each(content.keyMessages(), (path, m) -> w.send("keyMessages" + path,
                new AddKeyMessage(planId, null, id(), m.text(), m.audience())));
        each(content.risks(), (path, r) -> w.send("risks" + path,
                new AddRisk(planId, null, id(), r.description(), r.mitigation(), r.likelihood(), r.impact())));
        Map<String, String> products = new HashMap<>();
        each(content.informationProducts(), (path, name) -> {
            String productId = id();
            products.put(name, productId);
            w.send("informationProducts" + path, new AddInformationProduct(planId, null, productId, name));
        });
        each(content.stakeholders(), (path, s) -> {
            String stakeholderId = id();
            w.send("stakeholders" + path, new AddStakeholder(planId, null, stakeholderId, s.name()));
            s.cells().forEach((product, code) -> w.send("stakeholders" + path,
                    new SetStakeholderMatrixCell(planId, null, stakeholderId, products.get(product), code)));
        });
        each(content.checklist(), (path, item) -> {
            String itemId = id();
            w.send("checklist" + path, new AddChecklistItem(planId, null, itemId, item.question()));
            if (item.answer() != null || item.comment() != null) {
                w.send("checklist" + path, new AnswerChecklistItem(planId, null, itemId, item.answer(), item.comment()));
            }
        });
        each(content.partners(), (path, p) -> w.send("partners" + path,
                new AddPartnerAssociation(planId, null, p.associationId(), p.access())));
        each(content.milestones(), (path, m) -> w.send("milestones" + path,
                new AddMilestone(planId, null, id(), m.name(), m.targetDate(), m.forecastDate(), m.status())));
        if (content.presented() != null) {
            w.send("presented", new PresentPlan(planId, null, content.presented().date(), content.presented().to()));
        }
        if (content.decided() != null) {
            w.send("decided", new DecidePlan(planId, null, content.decided().date(), content.decided().by()));
        }
    }

    /** Sends one command in the import's transaction; a refusal names the item it came from. */
    private final class Writer {
        private final MetaData metaData;

        Writer(Caller caller) {
            this.metaData = MetaData.from(Map.of("tenantId", caller.associationId(), "actor", caller.userId()));
        }

        void send(String path, Object command) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            } catch (DomainRuleViolated e) {
                throw new Refused(path, e.field(), e.getMessage());
            } catch (TransitionRejected e) {
                throw new Refused(path, "status", e.getMessage());
            }
        }
    }

    private interface Item<T> {
        void accept(String path, T item);
    }

    private static <T> void each(List<T> items, Item<T> action) {
        for (int i = 0; i < items.size(); i++) {
            action.accept("[" + i + "]", items.get(i));
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
