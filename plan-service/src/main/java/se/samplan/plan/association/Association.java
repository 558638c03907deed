package se.samplan.plan.association;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.samplan.events.association.AssociationEvent;
import se.samplan.events.association.AssociationRegistered;
import se.samplan.events.association.MemberInvited;
import se.samplan.events.association.MemberJoined;
import se.samplan.events.association.MemberRemoved;
import se.samplan.events.association.MemberRolesAssigned;
import se.samplan.plan.DomainRuleViolated;
import se.samplan.plan.TransitionRejected;
import se.samplan.plan.association.AssociationCommands.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An association on the platform and its member directory: who belongs, with which roles, and
 * whether they have logged in yet. Names and addresses are not part of it (see {@link MemberContacts}).
 *
 * <p>Rules: roles come from the association roles only ({@code platform-admin} is granted by the
 * identity provider, never by an association, so no admin can raise themselves); an association
 * that has an association-admin always keeps one.
 */
@Aggregate
class Association {

    static final List<String> ROLES = List.of("association-admin", "plan-owner", "communicator", "contributor", "reader");
    static final String ADMIN = "association-admin";
    static final List<String> LANGUAGES = List.of("sv", "en");
    static final int MAX_NAME_LENGTH = 300;
    /** A slug, as tokens carry it. Not UUID-shaped: plan ids are UUIDs and share the event store's id space. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern UUID_SHAPED = Pattern.compile("\\p{XDigit}{8}-(\\p{XDigit}{4}-){3}\\p{XDigit}{12}");
    static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    @AggregateIdentifier
    private String associationId;
    /** Current members, in the order they were invited. */
    private final Map<String, Member> members = new LinkedHashMap<>();

    private record Member(List<String> roles, boolean joined) {
        boolean admin() {
            return roles.contains(ADMIN);
        }
    }

    Association() {
        // for Axon: the state is rebuilt from the events
    }

    @CommandHandler
    Association(RegisterAssociation command) {
        apply(new AssociationRegistered(id(command.associationId()), name(command.name()),
                present("kind", command.kind())));
    }

    @CommandHandler
    void handle(InviteMember command) {
        String memberId = memberId(command.memberId());
        if (members.containsKey(memberId)) {
            throw new TransitionRejected("memberId", memberId + " is already a member of " + associationId);
        }
        String language = command.language() == null || command.language().isBlank() ? "sv" : command.language().strip();
        if (!LANGUAGES.contains(language)) {
            throw new DomainRuleViolated("language", "language is sv or en");
        }
        apply(new MemberInvited(associationId, memberId, roles(command.roles()), language));
    }

    @CommandHandler
    void handle(AssignMemberRoles command) {
        Member member = known(command.memberId());
        List<String> roles = roles(command.roles());
        if (member.admin() && !roles.contains(ADMIN)) {
            lastAdminStays(command.memberId(), "roles", "demoted");
        }
        if (!roles.equals(member.roles())) {
            apply(new MemberRolesAssigned(associationId, command.memberId(), roles));
        }
    }

    @CommandHandler
    void handle(RemoveMember command) {
        Member member = known(command.memberId());
        if (member.admin()) {
            lastAdminStays(command.memberId(), "memberId", "removed");
        }
        apply(new MemberRemoved(associationId, command.memberId()));
    }

    @CommandHandler
    void handle(JoinAssociation command) {
        if (!known(command.memberId()).joined()) {
            apply(new MemberJoined(associationId, command.memberId()));
        }
    }

    @EventSourcingHandler
    void on(AssociationEvent event) {
        if (event instanceof AssociationRegistered registered) {
            associationId = registered.associationId();
        } else if (event instanceof MemberInvited invited) {
            members.put(invited.memberId(), new Member(invited.roles(), false));
        } else if (event instanceof MemberRolesAssigned assigned) {
            members.computeIfPresent(assigned.memberId(), (id, m) -> new Member(assigned.roles(), m.joined()));
        } else if (event instanceof MemberJoined joined) {
            members.computeIfPresent(joined.memberId(), (id, m) -> new Member(m.roles(), true));
        } else if (event instanceof MemberRemoved removed) {
            members.remove(removed.memberId());
        }
    }

    // Rules shared by the handlers. Each names the field at fault.

    /** Refuses to take association-admin from its last holder: the association would have no one to run it. */
    private void lastAdminStays(String memberId, String field, String how) {
        boolean another = members.entrySet().stream().anyMatch(e -> !e.getKey().equals(memberId) && e.getValue().admin());
        if (!another) {
            throw new TransitionRejected(field, memberId + " is the last association-admin of " + associationId
                    + " and cannot be " + how + ": make another member association-admin first");
        }
    }

    private Member known(String memberId) {
        Member member = memberId == null ? null : members.get(memberId);
        if (member == null) {
            throw new DomainRuleViolated("memberId", "No member " + memberId + " in " + associationId);
        }
        return member;
    }

    static String id(String id) {
        if (id == null || !ID.matcher(id).matches() || UUID_SHAPED.matcher(id).matches()) {
            throw new DomainRuleViolated("associationId",
                    "associationId is 2 to 63 lower-case letters, digits and hyphens, such as finsam-lekeberg-orebro");
        }
        return id;
    }

    static String memberId(String id) {
        if (id == null || !MEMBER_ID.matcher(id).matches()) {
            throw new DomainRuleViolated("memberId", "memberId is 1 to 128 letters, digits and . _ @ -");
        }
        return id;
    }

    /** The roles as a set in the platform's order; every one must be an association role. */
    static List<String> roles(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new DomainRuleViolated("roles", "Give at least one role of " + String.join(", ", ROLES));
        }
        List<String> unknown = new ArrayList<>();
        for (String role : roles) {
            if (role == null || !ROLES.contains(role.strip())) {
                unknown.add(String.valueOf(role));
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainRuleViolated("roles", "Unknown role " + String.join(", ", unknown) + ": the roles are "
                    + String.join(", ", ROLES) + " (platform-admin is granted by the identity provider)");
        }
        return ROLES.stream().filter(r -> roles.stream().map(String::strip).anyMatch(r::equals)).toList();
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new DomainRuleViolated("name", "name must not be empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new DomainRuleViolated("name", "name has at most " + MAX_NAME_LENGTH + " characters");
        }
        return name.strip();
    }

    private static <T> T present(String field, T value) {
        if (value == null) {
            throw new DomainRuleViolated(field, field + " is required");
        }
        return Objects.requireNonNull(value);
    }
}
