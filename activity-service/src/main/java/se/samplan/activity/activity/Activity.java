package se.samplan.activity.activity;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.samplan.activity.DomainRuleViolated;
import se.samplan.events.activity.ActivityScheduled;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One activity of an association's activity plan; its events are its whole history. */
@Aggregate
class Activity {

    static final int MAX_TITLE_LENGTH = 300;

    @AggregateIdentifier
    private String activityId;

    Activity() {
        // for Axon: the state is rebuilt from the events
    }

    @CommandHandler
    Activity(ScheduleActivity command) {
        if (command.title() == null || command.title().isBlank()) {
            throw new DomainRuleViolated("title", "An activity needs a title");
        }
        if (command.title().length() > MAX_TITLE_LENGTH) {
            throw new DomainRuleViolated("title", "An activity's title has at most " + MAX_TITLE_LENGTH + " characters");
        }
        if (command.planId() == null || command.planId().isBlank()) {
            throw new DomainRuleViolated("planId", "An activity belongs to a plan");
        }
        apply(new ActivityScheduled(command.activityId(), command.associationId(), command.planId(),
                command.title().strip(), command.dueDate()));
    }

    @EventSourcingHandler
    void on(ActivityScheduled event) {
        activityId = event.activityId();
    }
}
