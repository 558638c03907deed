package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A key message changed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param messageId the message
 * @param text the message
 * @param audience for whom
 */
@EventContract(type = "KeyMessageChanged", revision = 1, aggregateType = "Plan")
public record KeyMessageChanged(
        String planId,
        String associationId,
        String messageId,
        String text,
        String audience) implements PlanEvent {

    public KeyMessageChanged {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(text, "text");
    }
}
