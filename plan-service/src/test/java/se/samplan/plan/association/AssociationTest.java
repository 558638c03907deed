package se.samplan.plan.association;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.samplan.events.association.AssociationKind;
import se.samplan.events.association.AssociationRegistered;
import se.samplan.events.association.MemberInvited;
import se.samplan.events.association.MemberJoined;
import se.samplan.events.association.MemberRemoved;
import se.samplan.events.association.MemberRolesAssigned;
import se.samplan.plan.DomainRuleViolated;
import se.samplan.plan.TransitionRejected;
import se.samplan.plan.association.AssociationCommands.*;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every command of the association directory, accepted and rejected, with Axon's given/when/then fixture. */
class AssociationTest {

    private static final String A = "finsam-lekeberg-orebro";
    private static final AssociationRegistered REGISTERED =
            new AssociationRegistered(A, "Finsam Lekeberg och Örebro", AssociationKind.SAMORDNINGSFORBUND);
    private static final MemberInvited LENA = new MemberInvited(A, "lena", List.of("association-admin"), "sv");
    private static final MemberInvited PER = new MemberInvited(A, "per", List.of("communicator"), "en");

    private FixtureConfiguration<Association> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Association.class);
    }

    @Nested
    class Registering {
        @Test
        void aPlatformAdminRegistersAnAssociationWithAKind() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterAssociation(A, "  Finsam Lekeberg och Örebro ", AssociationKind.SAMORDNINGSFORBUND))
                    .expectEvents(REGISTERED);
        }

        @Test
        void theIdIsASlugThatCannotBeMistakenForAPlansId() {
            for (String bad : List.of("SCO", "a", "-sco", "sco kommun", "6f1c1b0e-2f0a-4a8e-9a49-2f6f0d1e7a10", "x".repeat(64))) {
                fixture.givenNoPriorActivity().when(new RegisterAssociation(bad, "Namn", AssociationKind.OTHER))
                        .expectException(DomainRuleViolated.class).expectNoEvents();
            }
            fixture.givenNoPriorActivity().when(new RegisterAssociation("sco", " ", AssociationKind.OTHER))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new RegisterAssociation("sco", "Namn", null))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
        }
    }

    @Nested
    class Inviting {
        @Test
        void aPersonIsInvitedWithRolesInThePlatformsOrderAndSwedishByDefault() {
            fixture.given(REGISTERED)
                    .when(new InviteMember(A, "jonas", List.of("reader", " contributor", "reader"), null))
                    .expectEvents(new MemberInvited(A, "jonas", List.of("contributor", "reader"), "sv"));
        }

        @Test
        void rolesMustBeAssociationRolesAndPlatformAdminIsNotOne() {
            for (List<String> roles : List.of(List.<String>of(), List.of("platform-admin"), List.of("reader", "boss"))) {
                fixture.given(REGISTERED).when(new InviteMember(A, "jonas", roles, "sv"))
                        .expectException(DomainRuleViolated.class).expectNoEvents();
            }
            fixture.given(REGISTERED).when(new InviteMember(A, "jonas", null, "sv"))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
        }

        @Test
        void aLanguageIsSwedishOrEnglishAndAMemberIsInvitedOnce() {
            fixture.given(REGISTERED).when(new InviteMember(A, "jonas", List.of("reader"), "de"))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
            fixture.given(REGISTERED).when(new InviteMember(A, "jonas id", List.of("reader"), "sv"))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
            fixture.given(REGISTERED, LENA).when(new InviteMember(A, "lena", List.of("reader"), "sv"))
                    .expectException(TransitionRejected.class).expectNoEvents();
        }

        @Test
        void aRemovedMemberMayBeInvitedAgain() {
            fixture.given(REGISTERED, LENA, PER, new MemberRemoved(A, "per"))
                    .when(new InviteMember(A, "per", List.of("reader"), "en"))
                    .expectEvents(new MemberInvited(A, "per", List.of("reader"), "en"));
        }
    }

    @Nested
    class Roles {
        @Test
        void rolesAreSetAsAWholeAndAnUnchangedSetIsNoEvent() {
            fixture.given(REGISTERED, LENA, PER)
                    .when(new AssignMemberRoles(A, null, "per", List.of("plan-owner", "communicator")))
                    .expectEvents(new MemberRolesAssigned(A, "per", List.of("plan-owner", "communicator")));
            fixture.given(REGISTERED, LENA, PER)
                    .when(new AssignMemberRoles(A, null, "per", List.of("communicator")))
                    .expectNoEvents();
        }

        @Test
        void theLastAssociationAdminCannotBeDemotedButOneOfTwoCan() {
            fixture.given(REGISTERED, LENA, PER)
                    .when(new AssignMemberRoles(A, null, "lena", List.of("reader")))
                    .expectException(TransitionRejected.class)
                    .expectExceptionMessage("lena is the last association-admin of " + A
                            + " and cannot be demoted: make another member association-admin first")
                    .expectNoEvents();
            fixture.given(REGISTERED, LENA, PER, new MemberRolesAssigned(A, "per", List.of("association-admin")))
                    .when(new AssignMemberRoles(A, null, "lena", List.of("reader")))
                    .expectEvents(new MemberRolesAssigned(A, "lena", List.of("reader")));
        }

        @Test
        void anUnknownMemberOrRoleIsRefused() {
            fixture.given(REGISTERED, LENA).when(new AssignMemberRoles(A, null, "nobody", List.of("reader")))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
            fixture.given(REGISTERED, LENA, PER, new MemberRemoved(A, "per"))
                    .when(new AssignMemberRoles(A, null, "per", List.of("reader")))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
            fixture.given(REGISTERED, LENA, PER).when(new AssignMemberRoles(A, null, "per", List.of("owner")))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
        }
    }

    @Nested
    class Removing {
        @Test
        void aMemberIsRemovedButTheLastAssociationAdminIsNot() {
            fixture.given(REGISTERED, LENA, PER).when(new RemoveMember(A, null, "per"))
                    .expectEvents(new MemberRemoved(A, "per"));
            fixture.given(REGISTERED, LENA, PER).when(new RemoveMember(A, null, "lena"))
                    .expectException(TransitionRejected.class).expectNoEvents();
            // Demoted and then removed: the other admin still runs the association.
            fixture.given(REGISTERED, LENA, PER, new MemberRolesAssigned(A, "per", List.of("association-admin", "reader")))
                    .when(new RemoveMember(A, null, "lena"))
                    .expectEvents(new MemberRemoved(A, "lena"));
        }

        @Test
        void theRefusalNamesTheFieldItIsAbout() {
            // The rules refuse before anything is applied, so the aggregate can be asked outside Axon.
            Association association = new Association();
            association.on(REGISTERED);
            association.on(LENA);
            assertThatThrownBy(() -> association.handle(new RemoveMember(A, null, "lena")))
                    .isInstanceOfSatisfying(TransitionRejected.class, e -> assertThat(e.field()).isEqualTo("memberId"));
            assertThatThrownBy(() -> association.handle(new AssignMemberRoles(A, null, "lena", List.of("reader"))))
                    .isInstanceOfSatisfying(TransitionRejected.class, e -> assertThat(e.field()).isEqualTo("roles"));
            assertThatThrownBy(() -> association.handle(new InviteMember(A, "x", List.of("owner"), "sv")))
                    .isInstanceOfSatisfying(DomainRuleViolated.class, e -> assertThat(e.field()).isEqualTo("roles"));
        }
    }

    @Nested
    class Joining {
        @Test
        void theFirstLoginMakesAnInvitedMemberActiveOnce() {
            fixture.given(REGISTERED, LENA).when(new JoinAssociation(A, "lena"))
                    .expectEvents(new MemberJoined(A, "lena"));
            fixture.given(REGISTERED, LENA, new MemberJoined(A, "lena")).when(new JoinAssociation(A, "lena"))
                    .expectNoEvents();
            fixture.given(REGISTERED, LENA).when(new JoinAssociation(A, "per"))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
        }
    }
}
