package se.samplan.events.plan;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A channel (kanal) was added.
 *
 * @param planId the plan
 * @param associationId the owning association
 * @param channelId the channel
 * @param name e.g. Hemsida, Facebooksida, APT
 * @param audience who it reaches
 * @param purpose what it is for
 * @param scope internal or external
 */
@EventContract(type = "ChannelAdded", revision = 1, aggregateType = "Plan")
public record ChannelAdded(
        String planId,
        String associationId,
        String channelId,
        String name,
        String audience,
        String purpose,
        Scope scope) implements PlanEvent {

    public ChannelAdded {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
    }
}
