package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A key message was removed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param messageId the message
 */
@EventContract(type = "KeyMessageRemoved", revision = 1, aggregateType = "Plan")
public record KeyMessageRemoved(
        String planId,
        String associationId,
        String messageId) implements PlanEvent {

    public KeyMessageRemoved {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(messageId, "messageId");
    }
}
