package se.samplan.plan.association;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.samplan.events.association.AssociationKind;

import java.util.List;

/**
 * Every command of the Association aggregate. A change to an existing member names the version of
 * the association the writer read (If-Match): Axon refuses it if the directory changed since.
 */
interface AssociationCommands {

    record RegisterAssociation(String associationId, String name, AssociationKind kind) { }

    record InviteMember(@TargetAggregateIdentifier String associationId, String memberId, List<String> roles,
                        String language) { }

    record AssignMemberRoles(@TargetAggregateIdentifier String associationId,
                             @TargetAggregateVersion Long expectedVersion, String memberId, List<String> roles) { }

    record RemoveMember(@TargetAggregateIdentifier String associationId, @TargetAggregateVersion Long expectedVersion,
                        String memberId) { }

    /** The member logged in: an invitation becomes an active membership. */
    record JoinAssociation(@TargetAggregateIdentifier String associationId, String memberId) { }
}
