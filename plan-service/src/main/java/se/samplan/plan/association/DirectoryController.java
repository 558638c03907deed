package se.samplan.plan.association;

import io.swagger.v3.oas.annotations.Hidden;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.samplan.plan.association.AssociationCommands.JoinAssociation;
import se.samplan.plan.web.Caller;

import java.util.List;
import java.util.Map;

/**
 * The directory as the platform's own processes ask it, never routed by the gateway (and so not in
 * the public OpenAPI document): the gateway's development login asks who a login is, and
 * notification-service asks for an invited member's address to send the invitation. Callers sign
 * the identity like the gateway does, as a {@code system:} user.
 */
@Hidden
@RestController
@RequestMapping("/internal")
class DirectoryController {

    static final String SYSTEM = "system:";

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final MemberContacts contacts;

    DirectoryController(CommandGateway commands, EventStore eventStore, MemberContacts contacts) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.contacts = contacts;
    }

    record Login(String login) { }

    /** Who logged in, as the directory has them now. */
    record Identity(String memberId, String associationId, List<String> roles, AssociationView.Status status) { }

    record MemberContact(String memberId, String associationId, String associationName, String name, String email,
                         String language, List<String> roles, AssociationView.Status status) { }

    /**
     * A login (member id or address) as the directory knows it: 404 if it does not, 410 if they were
     * removed. The first login of an invited member makes them active.
     */
    @PostMapping("/logins")
    Identity login(Caller caller, @RequestBody Login body) {
        system(caller);
        if (body == null || body.login() == null || body.login().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Give the login");
        }
        MemberContacts.Contact contact = contacts.byLogin(body.login().strip())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Not in the directory"));
        AssociationView.MemberState member = contact.removed() ? null : current(contact);
        if (member == null) {
            throw new ResponseStatusException(HttpStatus.GONE, "No longer a member");
        }
        if (member.status() == AssociationView.Status.INVITED) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new JoinAssociation(contact.associationId(), contact.memberId()))
                    .andMetaData(MetaData.from(Map.of("tenantId", contact.associationId(), "actor", contact.memberId()))));
        }
        return new Identity(contact.memberId(), contact.associationId(), member.roles(), AssociationView.Status.ACTIVE);
    }

    /** A current member's contact, for the association's own processes; 404 once they are removed. */
    @GetMapping("/associations/{associationId}/members/{memberId}")
    MemberContact member(Caller caller, @PathVariable String associationId, @PathVariable String memberId) {
        system(caller);
        MemberContacts.Contact contact = contacts.find(memberId)
                .filter(c -> !c.removed() && c.associationId().equals(associationId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No member " + memberId));
        AssociationView association = AssociationView.of(eventStore.readEvents(associationId).asStream());
        AssociationView.MemberState member = association == null ? null : association.member(memberId);
        if (member == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No member " + memberId);
        }
        return new MemberContact(memberId, associationId, association.name(), contact.name(), contact.email(),
                contact.language(), member.roles(), member.status());
    }

    private AssociationView.MemberState current(MemberContacts.Contact contact) {
        AssociationView association = AssociationView.of(eventStore.readEvents(contact.associationId()).asStream());
        return association == null ? null : association.member(contact.memberId());
    }

    private static void system(Caller caller) {
        if (!caller.userId().startsWith(SYSTEM)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "For the platform's own processes only");
        }
    }
}
