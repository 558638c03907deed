package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A channel was removed.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param channelId the channel
 */
@EventContract(type = "ChannelRemoved", revision = 1, aggregateType = "Plan")
public record ChannelRemoved(
        String planId,
        String associationId,
        String channelId) implements PlanEvent {

    public ChannelRemoved {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(channelId, "channelId");
    }
}
