package se.samplan.plan.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.samplan.events.plan.*;
import se.samplan.plan.DomainRuleViolated;
import se.samplan.plan.TransitionRejected;
import se.samplan.plan.plan.PlanCommands.*;

import java.time.LocalDate;

/** Every command of the plan, accepted and rejected, with Axon's given/when/then fixture. */
class PlanTest {

    private static final String P = "plan-1";
    private static final String A = "finsam-lo";
    private static final LocalDate JAN = LocalDate.of(2022, 1, 1);
    private static final LocalDate DEC = LocalDate.of(2022, 12, 31);

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    private static PlanCreated created() {
        return new PlanCreated(P, A, "Kommunikationsplan", JAN, DEC, "person-1");
    }

    @Nested
    class Creating {
        @Test
        void createPlanDraftsIt() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePlan(P, A, "  Kommunikationsplan ", JAN, DEC, "person-1"))
                    .expectEvents(created());
        }

        @Test
        void aPlanWhosePeriodIsStillUnknownCanBeDrafted() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePlan(P, A, "Plan", null, null, "person-1"))
                    .expectEvents(new PlanCreated(P, A, "Plan", null, null, "person-1"));
        }

        @Test
        void aPlanNeedsATitleAndAPeriodInOrder() {
            fixture.givenNoPriorActivity().when(new CreatePlan(P, A, " ", null, null, "person-1"))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new CreatePlan(P, A, "x".repeat(Plan.MAX_TITLE_LENGTH + 1), null, null, "p"))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new CreatePlan(P, A, "Plan", DEC, JAN, "person-1"))
                    .expectException(DomainRuleViolated.class).expectExceptionMessage("The period ends before it starts")
                    .expectNoEvents();
        }
    }

    @Nested
    class Content {
        @Test
        void titlePeriodOwnerAndSections() {
            fixture.given(created()).when(new RetitlePlan(P, null, "Ny titel"))
                    .expectEvents(new PlanRetitled(P, A, "Ny titel"));
            fixture.given(created()).when(new RetitlePlan(P, null, "Kommunikationsplan")).expectNoEvents();
            fixture.given(created()).when(new ChangePlanPeriod(P, null, JAN, null))
                    .expectEvents(new PlanPeriodChanged(P, A, JAN, null));
            fixture.given(created()).when(new ChangePlanPeriod(P, null, DEC, JAN))
                    .expectException(DomainRuleViolated.class);
            fixture.given(created()).when(new ChangePlanOwner(P, null, "person-2"))
                    .expectEvents(new PlanOwnerChanged(P, A, "person-2"));
            fixture.given(created()).when(new WritePlanSection(P, null, PlanSection.PURPOSE, " Syftet. "))
                    .expectEvents(new PlanSectionWritten(P, A, PlanSection.PURPOSE, "Syftet."));
            fixture.given(created()).when(new WritePlanSection(P, null, PlanSection.STRATEGY, null))
                    .expectEvents(new PlanSectionWritten(P, A, PlanSection.STRATEGY, ""));
        }

        @Test
        void goals() {
            fixture.given(created()).when(new AddPlanGoal(P, null, "g1", "Skapa kännedom"))
                    .expectEvents(new PlanGoalAdded(P, A, "g1", "Skapa kännedom"));
            fixture.given(created(), new PlanGoalAdded(P, A, "g1", "Skapa kännedom"))
                    .when(new AddPlanGoal(P, null, "g1", "Igen")).expectException(DomainRuleViolated.class);
            fixture.given(created(), new PlanGoalAdded(P, A, "g1", "Skapa kännedom"))
                    .when(new ChangePlanGoal(P, null, "g1", "Skapa kunskap"))
                    .expectEvents(new PlanGoalChanged(P, A, "g1", "Skapa kunskap"));
            fixture.given(created()).when(new ChangePlanGoal(P, null, "nope", "x")).expectException(DomainRuleViolated.class);
            fixture.given(created(), new PlanGoalAdded(P, A, "g1", "Skapa kännedom"))
                    .when(new RemovePlanGoal(P, null, "g1")).expectEvents(new PlanGoalRemoved(P, A, "g1"));
            fixture.given(created()).when(new AddPlanGoal(P, null, "g1", "")).expectException(DomainRuleViolated.class);
        }

        @Test
        void audiencesWithKnowFeelAct() {
            fixture.given(created()).when(new AddAudience(P, null, "a1", "Chefer", "veta", "känna", "agera"))
                    .expectEvents(new AudienceAdded(P, A, "a1", "Chefer", "veta", "känna", "agera"));
            fixture.given(created(), new AudienceAdded(P, A, "a1", "Chefer", "veta", null, null))
                    .when(new ChangeAudience(P, null, "a1", "Chefer", "veta", "känna", " "))
                    .expectEvents(new AudienceChanged(P, A, "a1", "Chefer", "veta", "känna", null));
            fixture.given(created(), new AudienceAdded(P, A, "a1", "Chefer", null, null, null))
                    .when(new RemoveAudience(P, null, "a1")).expectEvents(new AudienceRemoved(P, A, "a1"));
            fixture.given(created()).when(new AddAudience(P, null, "a1", "", null, null, null))
                    .expectException(DomainRuleViolated.class);
        }

        @Test
        void targetGroupsChannelsAndMessages() {
            fixture.given(created())
                    .when(new AddTargetGroup(P, null, "t1", "Förtroendevalda", TargetGroupPriority.PRIMARY, Scope.EXTERNAL, null))
                    .expectEvents(new TargetGroupAdded(P, A, "t1", "Förtroendevalda", TargetGroupPriority.PRIMARY, Scope.EXTERNAL, null));
            fixture.given(created()).when(new AddTargetGroup(P, null, "t1", "Förtroendevalda", null, Scope.EXTERNAL, null))
                    .expectException(DomainRuleViolated.class);
            fixture.given(created(), new TargetGroupAdded(P, A, "t1", "X", TargetGroupPriority.PRIMARY, Scope.INTERNAL, null))
                    .when(new ChangeTargetGroup(P, null, "t1", "Y", TargetGroupPriority.SECONDARY, Scope.INTERNAL, "d"))
                    .expectEvents(new TargetGroupChanged(P, A, "t1", "Y", TargetGroupPriority.SECONDARY, Scope.INTERNAL, "d"));
            fixture.given(created(), new TargetGroupAdded(P, A, "t1", "X", TargetGroupPriority.PRIMARY, Scope.INTERNAL, null))
                    .when(new RemoveTargetGroup(P, null, "t1")).expectEvents(new TargetGroupRemoved(P, A, "t1"));

            fixture.given(created()).when(new AddChannel(P, null, "c1", "Hemsida", "Medarbetare", "Nyheter", Scope.EXTERNAL))
                    .expectEvents(new ChannelAdded(P, A, "c1", "Hemsida", "Medarbetare", "Nyheter", Scope.EXTERNAL));
            fixture.given(created(), new ChannelAdded(P, A, "c1", "Hemsida", null, null, Scope.EXTERNAL))
                    .when(new ChangeChannel(P, null, "c1", "Facebooksida", null, null, Scope.EXTERNAL))
                    .expectEvents(new ChannelChanged(P, A, "c1", "Facebooksida", null, null, Scope.EXTERNAL));
            fixture.given(created(), new ChannelAdded(P, A, "c1", "Hemsida", null, null, Scope.EXTERNAL))
                    .when(new RemoveChannel(P, null, "c1")).expectEvents(new ChannelRemoved(P, A, "c1"));
            fixture.given(created()).when(new AddChannel(P, null, "c1", "Hemsida", null, null, null))
                    .expectException(DomainRuleViolated.class);

            fixture.given(created()).when(new AddKeyMessage(P, null, "m1", "Budskap", null))
                    .expectEvents(new KeyMessageAdded(P, A, "m1", "Budskap", null));
            fixture.given(created(), new KeyMessageAdded(P, A, "m1", "Budskap", null))
                    .when(new ChangeKeyMessage(P, null, "m1", "Nytt budskap", "Chefer"))
                    .expectEvents(new KeyMessageChanged(P, A, "m1", "Nytt budskap", "Chefer"));
            fixture.given(created(), new KeyMessageAdded(P, A, "m1", "Budskap", null))
                    .when(new RemoveKeyMessage(P, null, "m1")).expectEvents(new KeyMessageRemoved(P, A, "m1"));
        }

        @Test
        void risksWithMitigationAndScale() {
            fixture.given(created()).when(new AddRisk(P, null, "r1", "Låg närvaro", "Påminnelser", 3, null))
                    .expectEvents(new RiskAdded(P, A, "r1", "Låg närvaro", "Påminnelser", 3, null));
            fixture.given(created()).when(new AddRisk(P, null, "r1", "Låg närvaro", null, 6, null))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
            fixture.given(created(), new RiskAdded(P, A, "r1", "Låg närvaro", null, null, null))
                    .when(new ChangeRisk(P, null, "r1", "Låg närvaro", "Åtgärd", 2, 4))
                    .expectEvents(new RiskChanged(P, A, "r1", "Låg närvaro", "Åtgärd", 2, 4));
            fixture.given(created(), new RiskAdded(P, A, "r1", "Låg närvaro", null, null, null))
                    .when(new RemoveRisk(P, null, "r1")).expectEvents(new RiskRemoved(P, A, "r1"));
        }

        @Test
        void stakeholderMatrix() {
            fixture.given(created()).when(new AddStakeholder(P, null, "s1", "Styrgrupp"))
                    .expectEvents(new StakeholderAdded(P, A, "s1", "Styrgrupp"));
            fixture.given(created()).when(new AddInformationProduct(P, null, "i1", "Protokoll"))
                    .expectEvents(new InformationProductAdded(P, A, "i1", "Protokoll"));
            fixture.given(created(), new StakeholderAdded(P, A, "s1", "Styrgrupp"), new InformationProductAdded(P, A, "i1", "Protokoll"))
                    .when(new SetStakeholderMatrixCell(P, null, "s1", "i1", MatrixCode.D))
                    .expectEvents(new StakeholderMatrixCellSet(P, A, "s1", "i1", MatrixCode.D));
            fixture.given(created(), new InformationProductAdded(P, A, "i1", "Protokoll"))
                    .when(new SetStakeholderMatrixCell(P, null, "unknown", "i1", MatrixCode.E))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
            fixture.given(created(), new StakeholderAdded(P, A, "s1", "Styrgrupp"))
                    .when(new SetStakeholderMatrixCell(P, null, "s1", "i1", MatrixCode.E))
                    .expectException(DomainRuleViolated.class);
            fixture.given(created(), new StakeholderAdded(P, A, "s1", "Styrgrupp"))
                    .when(new RemoveStakeholder(P, null, "s1")).expectEvents(new StakeholderRemoved(P, A, "s1"));
            fixture.given(created(), new InformationProductAdded(P, A, "i1", "Protokoll"))
                    .when(new RemoveInformationProduct(P, null, "i1")).expectEvents(new InformationProductRemoved(P, A, "i1"));
        }

        @Test
        void checklistAndPartners() {
            fixture.given(created()).when(new AddChecklistItem(P, null, "q1", "Är målen mätbara?"))
                    .expectEvents(new ChecklistItemAdded(P, A, "q1", "Är målen mätbara?"));
            fixture.given(created(), new ChecklistItemAdded(P, A, "q1", "Är målen mätbara?"))
                    .when(new AnswerChecklistItem(P, null, "q1", false, "Inte än"))
                    .expectEvents(new ChecklistItemAnswered(P, A, "q1", false, "Inte än"));
            fixture.given(created(), new ChecklistItemAdded(P, A, "q1", "Är målen mätbara?"))
                    .when(new RemoveChecklistItem(P, null, "q1")).expectEvents(new ChecklistItemRemoved(P, A, "q1"));
            fixture.given(created()).when(new AnswerChecklistItem(P, null, "q9", true, null))
                    .expectException(DomainRuleViolated.class);

            fixture.given(created()).when(new AddPartnerAssociation(P, null, "orebro", PartnerAccess.READ))
                    .expectEvents(new PartnerAssociationAdded(P, A, "orebro", PartnerAccess.READ));
            fixture.given(created()).when(new AddPartnerAssociation(P, null, A, PartnerAccess.READ))
                    .expectException(DomainRuleViolated.class);
            fixture.given(created(), new PartnerAssociationAdded(P, A, "orebro", PartnerAccess.READ))
                    .when(new RemovePartnerAssociation(P, null, "orebro"))
                    .expectEvents(new PartnerAssociationRemoved(P, A, "orebro"));
        }
    }

    @Nested
    class Milestones {
        private final MilestoneAdded kickOff = new MilestoneAdded(P, A, "m1", "Kick-off", LocalDate.of(2022, 3, 1), null, Rating.G);

        @Test
        void addRenameRetargetRemove() {
            fixture.given(created()).when(new AddMilestone(P, null, "m1", "Kick-off", LocalDate.of(2022, 3, 1), null, Rating.G))
                    .expectEvents(kickOff);
            fixture.given(created()).when(new AddMilestone(P, null, "m1", "Kick-off", null, null, null))
                    .expectException(DomainRuleViolated.class);
            fixture.given(created(), kickOff).when(new RenameMilestone(P, null, "m1", "Start"))
                    .expectEvents(new MilestoneRenamed(P, A, "m1", "Start"));
            fixture.given(created(), kickOff).when(new ChangeMilestoneTargetDate(P, null, "m1", LocalDate.of(2022, 4, 1), "Beslut"))
                    .expectEvents(new MilestoneTargetDateChanged(P, A, "m1", LocalDate.of(2022, 3, 1), LocalDate.of(2022, 4, 1), "Beslut"));
            fixture.given(created(), kickOff).when(new RemoveMilestone(P, null, "m1"))
                    .expectEvents(new MilestoneRemoved(P, A, "m1"));
        }

        @Test
        void everyForecastMoveAndStatusChangeIsItsOwnEventWithOldAndNew() {
            fixture.given(created(), kickOff)
                    .when(new ChangeMilestoneForecast(P, null, "m1", LocalDate.of(2022, 3, 15), "Lokalen upptagen"))
                    .expectEvents(new MilestoneForecastChanged(P, A, "m1", null, LocalDate.of(2022, 3, 15), "Lokalen upptagen"));
            fixture.given(created(), kickOff, new MilestoneForecastChanged(P, A, "m1", null, LocalDate.of(2022, 3, 15), "x"))
                    .when(new ChangeMilestoneForecast(P, null, "m1", null, "Okänt igen"))
                    .expectEvents(new MilestoneForecastChanged(P, A, "m1", LocalDate.of(2022, 3, 15), null, "Okänt igen"));
            fixture.given(created(), kickOff).when(new ChangeMilestoneForecast(P, null, "m1", null, "no move"))
                    .expectNoEvents();
            fixture.given(created(), kickOff).when(new ChangeMilestoneStatus(P, null, "m1", Rating.O, "Försenad"))
                    .expectEvents(new MilestoneStatusChanged(P, A, "m1", Rating.G, Rating.O, "Försenad"));
            fixture.given(created(), kickOff).when(new ChangeMilestoneStatus(P, null, "m2", Rating.O, null))
                    .expectException(DomainRuleViolated.class);
        }

        @Test
        void forecastsAreFollowedUpAfterTheDecisionButNotAfterClosing() {
            fixture.given(created(), kickOff, new PlanPresented(P, A, 1, JAN, "Styrelsen"), new PlanDecided(P, A, 1, JAN, "Styrelsen"))
                    .when(new ChangeMilestoneForecast(P, null, "m1", DEC, "Sen leverans"))
                    .expectEvents(new MilestoneForecastChanged(P, A, "m1", null, DEC, "Sen leverans"));
            fixture.given(created(), kickOff, new PlanClosed(P, A, DEC, null))
                    .when(new ChangeMilestoneForecast(P, null, "m1", DEC, "Sen leverans"))
                    .expectException(TransitionRejected.class).expectNoEvents();
        }
    }

    @Nested
    class Lifecycle {
        private final PlanPresented presented = new PlanPresented(P, A, 1, LocalDate.of(2021, 1, 21), "Styrelsen");
        private final PlanDecided decided = new PlanDecided(P, A, 1, LocalDate.of(2021, 2, 25), "Styrelsen");

        @Test
        void draftPresentedDecidedRevisedPresentedDecidedClosed() {
            fixture.given(created()).when(new PresentPlan(P, null, LocalDate.of(2021, 1, 21), "Styrelsen"))
                    .expectEvents(presented);
            fixture.given(created(), presented).when(new DecidePlan(P, null, LocalDate.of(2021, 2, 25), "Styrelsen"))
                    .expectEvents(decided);
            fixture.given(created(), presented, decided).when(new RevisePlan(P, null, "Nytt tema"))
                    .expectEvents(new PlanRevisionStarted(P, A, 2, "Nytt tema"));
            fixture.given(created(), presented, decided, new PlanRevisionStarted(P, A, 2, "Nytt tema"))
                    .when(new PresentPlan(P, null, LocalDate.of(2022, 1, 20), null))
                    .expectEvents(new PlanPresented(P, A, 2, LocalDate.of(2022, 1, 20), null));
            fixture.given(created(), presented, decided, new PlanRevisionStarted(P, A, 2, null),
                            new PlanPresented(P, A, 2, LocalDate.of(2022, 1, 20), null))
                    .when(new DecidePlan(P, null, LocalDate.of(2022, 2, 24), "Styrelsen"))
                    .expectEvents(new PlanDecided(P, A, 2, LocalDate.of(2022, 2, 24), "Styrelsen"));
            fixture.given(created(), presented, decided).when(new ClosePlan(P, null, DEC, "Klar"))
                    .expectEvents(new PlanClosed(P, A, DEC, "Klar"));
        }

        @Test
        void transitionsOutOfOrderAreRejected() {
            fixture.given(created()).when(new DecidePlan(P, null, JAN, "Styrelsen"))
                    .expectException(TransitionRejected.class).expectNoEvents();
            fixture.given(created()).when(new RevisePlan(P, null, null))
                    .expectException(TransitionRejected.class).expectNoEvents();
            fixture.given(created(), presented).when(new PresentPlan(P, null, JAN, null))
                    .expectException(TransitionRejected.class).expectNoEvents();
            fixture.given(created(), presented, decided).when(new DecidePlan(P, null, JAN, "Styrelsen"))
                    .expectException(TransitionRejected.class).expectNoEvents();
            fixture.given(created(), new PlanClosed(P, A, DEC, null)).when(new PresentPlan(P, null, JAN, null))
                    .expectException(TransitionRejected.class).expectNoEvents();
            fixture.given(created(), new PlanClosed(P, A, DEC, null)).when(new ClosePlan(P, null, DEC, null))
                    .expectException(TransitionRejected.class).expectNoEvents();
            fixture.given(created(), presented).when(new DecidePlan(P, null, LocalDate.of(2021, 1, 1), "Styrelsen"))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
            fixture.given(created(), presented).when(new DecidePlan(P, null, LocalDate.of(2021, 3, 1), " "))
                    .expectException(DomainRuleViolated.class).expectNoEvents();
        }

        @Test
        void aDecidedVersionIsFrozenUntilRevised() {
            fixture.given(created(), presented, decided).when(new RetitlePlan(P, null, "Ändrad"))
                    .expectException(TransitionRejected.class).expectNoEvents();
            fixture.given(created(), presented, decided).when(new AddPlanGoal(P, null, "g1", "Mål"))
                    .expectException(TransitionRejected.class).expectNoEvents();
            fixture.given(created(), presented, decided, new PlanRevisionStarted(P, A, 2, null))
                    .when(new AddPlanGoal(P, null, "g1", "Mål"))
                    .expectEvents(new PlanGoalAdded(P, A, "g1", "Mål"));
        }
    }
}
