package se.samplan.plan.association;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.samplan.events.association.AssociationKind;
import se.samplan.plan.TransitionRejected;
import se.samplan.plan.association.AssociationCommands.*;
import se.samplan.plan.web.Caller;
import se.samplan.plan.web.ETags;
import se.samplan.plan.web.RoleMissing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The association register and member directory. A platform admin registers associations; an
 * association's admins invite people, set their roles and remove them; every member reads the
 * directory (colleagues see who else works in the association, with name, address and roles).
 * Another association's directory is as absent as one never registered (404), except to platform
 * admins. Changes to an existing member send If-Match with the ETag of the association they read.
 */
@RestController
@RequestMapping("/api/associations")
@Tag(name = "Associations")
class AssociationController {

    private static final List<String> MEMBER_ADMINS = List.of(Association.ADMIN, Caller.PLATFORM_ADMIN);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final MemberContacts contacts;
    private final TransactionTemplate transaction;

    AssociationController(CommandGateway commands, EventStore eventStore, MemberContacts contacts,
                          TransactionTemplate transaction) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.contacts = contacts;
        this.transaction = transaction;
    }

    // Request bodies. The aggregate checks every rule again; these name the fields early.

    record NewAssociation(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}") String associationId,
                          @NotBlank @Size(max = Association.MAX_NAME_LENGTH) String name,
                          @NotNull AssociationKind kind) { }

    record Invitation(@NotBlank @Email @Size(max = 320) String email,
                      @NotBlank @Size(max = Association.MAX_NAME_LENGTH) String name,
                      @NotNull List<String> roles,
                      @Pattern(regexp = "sv|en") String language,
                      @Size(max = 128) String memberId) { }

    record Roles(@NotNull List<String> roles) { }

    // Answers

    record AssociationBody(String associationId, String name, AssociationKind kind, int members) { }

    record MemberBody(String memberId, String name, String email, String language, List<String> roles,
                      AssociationView.Status status) { }

    @PostMapping
    @Operation(summary = "Register an association (platform admins)")
    ResponseEntity<AssociationBody> register(Caller caller, @Valid @RequestBody NewAssociation body) {
        if (!caller.platformAdmin()) {
            throw new RoleMissing("To register an association you need the role " + Caller.PLATFORM_ADMIN,
                    List.of(Caller.PLATFORM_ADMIN));
        }
        if (read(body.associationId()) != null) {
            throw new TransitionRejected("associationId", "There already is an association " + body.associationId());
        }
        send(caller, body.associationId(), new RegisterAssociation(body.associationId(), body.name(), body.kind()));
        AssociationView created = read(body.associationId());
        return ResponseEntity.created(URI.create("/api/associations/" + created.associationId()))
                .eTag(created.etag()).body(summary(created));
    }

    @GetMapping("/{associationId}")
    @Operation(summary = "Read the caller's own association (platform admins: any)")
    ResponseEntity<AssociationBody> get(Caller caller, @PathVariable String associationId) {
        AssociationView association = visible(caller, associationId);
        return ResponseEntity.ok().eTag(association.etag()).body(summary(association));
    }

    @GetMapping("/{associationId}/members")
    @Operation(summary = "The association's members: name, address, roles, invited or active (every member reads)")
    ResponseEntity<List<MemberBody>> members(Caller caller, @PathVariable String associationId) {
        AssociationView association = visible(caller, associationId);
        Map<String, MemberContacts.Contact> known = contacts.ofAssociation(associationId);
        List<MemberBody> members = association.members().stream().map(m -> body(m, known.get(m.memberId()))).toList();
        return ResponseEntity.ok().eTag(association.etag()).body(members);
    }

    @PostMapping("/{associationId}/members")
    @Operation(summary = "Invite a person by address with roles; they get an invitation email (association admins)")
    ResponseEntity<MemberBody> invite(Caller caller, @PathVariable String associationId,
                                      @Valid @RequestBody Invitation body) {
        administrable(caller, associationId);
        String memberId = body.memberId() == null || body.memberId().isBlank() ? UUID.randomUUID().toString()
                : Association.memberId(body.memberId().strip());
        String language = body.language() == null ? "sv" : body.language();
        // The contact row and the event commit together: no member without an address, no address without a member.
        transaction.executeWithoutResult(status -> {
            contacts.add(new MemberContacts.Contact(memberId, associationId, body.name().strip(), body.email().strip(),
                    language, false));
            send(caller, associationId, new InviteMember(associationId, memberId, body.roles(), language));
        });
        AssociationView association = read(associationId);
        return ResponseEntity.created(URI.create("/api/associations/" + associationId + "/members/" + memberId))
                .eTag(association.etag()).body(body(association.member(memberId), contacts.find(memberId).orElse(null)));
    }

    @PutMapping("/{associationId}/members/{memberId}/roles")
    @Operation(summary = "Set a member's roles (the whole set; association admins); the last association-admin keeps the role")
    ResponseEntity<MemberBody> assignRoles(Caller caller, @PathVariable String associationId, @PathVariable String memberId,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody Roles body) {
        member(administrable(caller, associationId), memberId);
        send(caller, associationId, new AssignMemberRoles(associationId, ETags.version(ifMatch), memberId, body.roles()));
        AssociationView association = read(associationId);
        return ResponseEntity.ok().eTag(association.etag())
                .body(body(association.member(memberId), contacts.find(memberId).orElse(null)));
    }

    @DeleteMapping("/{associationId}/members/{memberId}")
    @Operation(summary = "Remove a member and forget their name and address (association admins); not the last association-admin")
    ResponseEntity<Void> remove(Caller caller, @PathVariable String associationId, @PathVariable String memberId,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        member(administrable(caller, associationId), memberId);
        long expected = ETags.version(ifMatch);
        transaction.executeWithoutResult(status -> {
            send(caller, associationId, new RemoveMember(associationId, expected, memberId));
            contacts.forget(memberId);
        });
        return ResponseEntity.noContent().eTag(read(associationId).etag()).build();
    }

    // Who may see and change what

    /** The caller's own association, or any for a platform admin; to anyone else it is not there. */
    private AssociationView visible(Caller caller, String associationId) {
        AssociationView association = caller.associationId().equals(associationId) || caller.platformAdmin()
                ? read(associationId) : null;
        if (association == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No association " + associationId);
        }
        return association;
    }

    /** Visible, and the caller is its association-admin or a platform admin. */
    private AssociationView administrable(Caller caller, String associationId) {
        AssociationView association = visible(caller, associationId);
        if (!caller.platformAdmin() && !caller.roles().contains(Association.ADMIN)) {
            throw new RoleMissing("To change the association's members you need the role association-admin or "
                    + Caller.PLATFORM_ADMIN, MEMBER_ADMINS);
        }
        return association;
    }

    private static void member(AssociationView association, String memberId) {
        if (association.member(memberId) == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No member " + memberId + " in " + association.associationId());
        }
    }

    private AssociationView read(String associationId) {
        return AssociationView.of(eventStore.readEvents(associationId).asStream());
    }

    private static AssociationBody summary(AssociationView association) {
        return new AssociationBody(association.associationId(), association.name(), association.kind(),
                association.members().size());
    }

    private static MemberBody body(AssociationView.MemberState member, MemberContacts.Contact contact) {
        return new MemberBody(member.memberId(), contact == null ? null : contact.name(),
                contact == null ? null : contact.email(), contact == null ? null : contact.language(), member.roles(),
                member.status());
    }

    private void send(Caller caller, String associationId, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(Map.of("tenantId", associationId, "actor", caller.userId()))));
    }
}
