package se.samplan.plan.association;

import org.axonframework.eventhandling.DomainEventMessage;
import se.samplan.events.association.AssociationEvent;
import se.samplan.events.association.AssociationKind;
import se.samplan.events.association.AssociationRegistered;
import se.samplan.events.association.MemberInvited;
import se.samplan.events.association.MemberJoined;
import se.samplan.events.association.MemberRemoved;
import se.samplan.events.association.MemberRolesAssigned;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An association as its events tell it: register entry, current members with roles and status.
 * {@code sequence} is its last event's sequence, the ETag a writer sends back in If-Match.
 */
record AssociationView(String associationId, String name, AssociationKind kind, long sequence,
                       List<MemberState> members) {

    enum Status { INVITED, ACTIVE }

    record MemberState(String memberId, List<String> roles, Status status) { }

    String etag() {
        return "\"" + sequence + "\"";
    }

    MemberState member(String memberId) {
        return members.stream().filter(m -> m.memberId().equals(memberId)).findFirst().orElse(null);
    }

    /** The association now; null if the id names no association (nothing, or another aggregate's stream). */
    static AssociationView of(Stream<? extends DomainEventMessage<?>> events) {
        AssociationRegistered registered = null;
        Map<String, MemberState> members = new LinkedHashMap<>();
        long sequence = -1;
        for (Iterator<? extends DomainEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
            DomainEventMessage<?> message = it.next();
            if (!(message.getPayload() instanceof AssociationEvent event)) {
                continue;
            }
            sequence = message.getSequenceNumber();
            if (event instanceof AssociationRegistered r) {
                registered = r;
            } else if (event instanceof MemberInvited e) {
                members.put(e.memberId(), new MemberState(e.memberId(), e.roles(), Status.INVITED));
            } else if (event instanceof MemberRolesAssigned e) {
                members.computeIfPresent(e.memberId(), (id, m) -> new MemberState(id, e.roles(), m.status()));
            } else if (event instanceof MemberJoined e) {
                members.computeIfPresent(e.memberId(), (id, m) -> new MemberState(id, m.roles(), Status.ACTIVE));
            } else if (event instanceof MemberRemoved e) {
                members.remove(e.memberId());
            }
        }
        return registered == null ? null : new AssociationView(registered.associationId(), registered.name(),
                registered.kind(), sequence, new ArrayList<>(members.values()));
    }
}
