package se.samplan.events.association;

import se.samplan.events.EventContract;

import java.util.Objects;

/**
 * A platform administrator registered an association: from now on it has a member directory.
 *
 * @param associationId the association's id (a slug such as {@code sco}), as tokens name it
 * @param name          e.g. "Samordningsförbundet Centrala Östergötland"
 * @param kind          samordningsförbund, region, municipality, project office or other
 */
@EventContract(type = "AssociationRegistered", revision = 1, aggregateType = "Association")
public record AssociationRegistered(
        String associationId,
        String name,
        AssociationKind kind) implements AssociationEvent {

    public AssociationRegistered {
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
