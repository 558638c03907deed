package se.samplan.plan.plan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.samplan.events.plan.PlanCreated;
import se.samplan.plan.DomainRuleViolated;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A communication or project plan of one association; its events are its whole history. */
@Aggregate
class Plan {

    static final int MAX_TITLE_LENGTH = 300;

    @AggregateIdentifier
    private String planId;
    private String associationId;

    Plan() {
        // for Axon: the state is rebuilt from the events
    }

    @CommandHandler
    Plan(CreatePlan command) {
        if (command.title() == null || command.title().isBlank()) {
            throw new DomainRuleViolated("title", "A plan needs a title");
        }
        if (command.title().length() > MAX_TITLE_LENGTH) {
            throw new DomainRuleViolated("title", "A plan's title has at most " + MAX_TITLE_LENGTH + " characters");
        }
        if (command.periodStart() != null && command.periodEnd() != null
                && command.periodEnd().isBefore(command.periodStart())) {
            throw new DomainRuleViolated("periodEnd", "The period ends before it starts");
        }
        apply(new PlanCreated(command.planId(), command.associationId(), command.title().strip(),
                command.periodStart(), command.periodEnd(), command.ownerId()));
    }

    @EventSourcingHandler
    void on(PlanCreated event) {
        planId = event.planId();
        associationId = event.associationId();
    }
}
