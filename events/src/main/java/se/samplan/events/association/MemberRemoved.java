package se.samplan.events.association;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A member left the association or was removed; their contact details are deleted with it.
 *
 * @param associationId the association
 * @param memberId      the former member
 */
@EventContract(type = "MemberRemoved", revision = 1, aggregateType = "Association")
public record MemberRemoved(
        String associationId,
        String memberId) implements AssociationEvent {

    public MemberRemoved {
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(memberId, "memberId");
    }
}
