package se.samplan.events.association;

import se.samplan.events.EventContract;

import java.util.List;
import java.util.Objects;

/**
 * A person was invited to the association with roles. Their name and address are not here: they
 * live in plan-service's deletable member contact row (personal data never travels in events).
 *
 * @param associationId the association
 * @param memberId      the person's id, the subject of their tokens
 * @param roles         association roles: association-admin, plan-owner, communicator, contributor, reader
 * @param language      the language of the invitation and of later emails: {@code sv} or {@code en}
 */
@EventContract(type = "MemberInvited", revision = 1, aggregateType = "Association")
public record MemberInvited(
        String associationId,
        String memberId,
        List<String> roles,
        String language) implements AssociationEvent {

    public MemberInvited {
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(memberId, "memberId");
        roles = List.copyOf(roles);
        Objects.requireNonNull(language, "language");
    }
}
