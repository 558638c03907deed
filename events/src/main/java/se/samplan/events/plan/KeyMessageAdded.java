package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A key message (budskap) was added.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param messageId the message
 * @param text the message
 * @param audience for whom, if for one audience
 */
@EventContract(type = "KeyMessageAdded", revision = 1, aggregateType = "Plan")
public record KeyMessageAdded(
        String planId,
        String associationId,
        String messageId,
        String text,
        String audience) implements PlanEvent {

    public KeyMessageAdded {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(text, "text");
    }
}
