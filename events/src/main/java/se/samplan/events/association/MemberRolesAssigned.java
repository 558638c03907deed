package se.samplan.events.association;

import se.samplan.events.EventContract;

import java.util.List;
import java.util.Objects;

/**
 * A member's roles were set: {@code roles} is the whole new set, not a difference.
 *
 * @param associationId the association
 * @param memberId      the member
 * @param roles         every role the member now has in the association
 */
@EventContract(type = "MemberRolesAssigned", revision = 1, aggregateType = "Association")
public record MemberRolesAssigned(
        String associationId,
        String memberId,
        List<String> roles) implements AssociationEvent {

    public MemberRolesAssigned {
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(memberId, "memberId");
        roles = List.copyOf(roles);
    }
}
