package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A channel changed (all fields given).
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param channelId the channel
 * @param name name
 * @param audience audience
 * @param purpose purpose
 * @param scope scope
 */
@EventContract(type = "ChannelChanged", revision = 1, aggregateType = "Plan")
public record ChannelChanged(
        String planId,
        String associationId,
        String channelId,
        String name,
        String audience,
        String purpose,
        Scope scope) implements PlanEvent {

    public ChannelChanged {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
    }
}
