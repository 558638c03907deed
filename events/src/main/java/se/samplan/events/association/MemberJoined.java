package se.samplan.events.association;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * An invited member logged in for the first time: their membership is active.
 *
 * @param associationId the association
 * @param memberId      the member
 */
@EventContract(type = "MemberJoined", revision = 1, aggregateType = "Association")
public record MemberJoined(
        String associationId,
        String memberId) implements AssociationEvent {

    public MemberJoined {
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(memberId, "memberId");
    }
}
