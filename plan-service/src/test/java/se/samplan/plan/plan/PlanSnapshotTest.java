package se.samplan.plan.plan;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import se.samplan.events.plan.*;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan's snapshot is the aggregate as JSON: read back, it is the same plan, field for field, with
 * the same kinds of collections in the same order. Every field of the fold is filled here, so a field
 * added later fails this test until it is filled here too (and the revision on {@link Plan} raised).
 */
class PlanSnapshotTest {

    private static final String P = "plan-1";
    private static final String A = "finsam-lo";
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 2);

    // Spring Boot's JSON mapper, as the service's Axon serializer uses it.
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json().build()).build();

    @Test
    void aPlanReadBackFromItsSnapshotIsTheSamePlan() throws Exception {
        Plan plan = everyPart();

        SerializedObject<byte[]> snapshot = serializer.serialize(plan, byte[].class);
        Plan read = serializer.deserialize(snapshot);

        assertThat(read).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(plan);
        PlanDocument document = document(read);
        assertThat(document.sections).isInstanceOf(EnumMap.class);
        // Shown in the enum's order, not the order written.
        assertThat(document.sections.keySet()).containsExactly(PlanSection.BACKGROUND, PlanSection.PURPOSE);
        assertThat(document.risks.keySet()).containsExactly("r2", "r1");
        assertThat(document.view(40)).isEqualTo(document(plan).view(40));
    }

    @Test
    void theSnapshotCarriesTheRevisionOfPlan() {
        assertThat(serializer.serialize(everyPart(), byte[].class).getType().getRevision()).isEqualTo("1");
    }

    /** A plan with something in every field of its fold. */
    private static Plan everyPart() {
        Plan plan = new Plan();
        for (PlanEvent event : new PlanEvent[] {
                new PlanCreated(P, A, "Kommunikationsplan", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "person-1"),
                new PlanSectionWritten(P, A, PlanSection.PURPOSE, "Syftet."),
                new PlanSectionWritten(P, A, PlanSection.BACKGROUND, "Bakgrunden."),
                new PlanGoalAdded(P, A, "g1", "Skapa kännedom"),
                new AudienceAdded(P, A, "a1", "Chefer", "Veta", "Känna", "Agera"),
                new TargetGroupAdded(P, A, "t1", "Handläggare", TargetGroupPriority.PRIMARY, Scope.EXTERNAL, "Hos parterna"),
                new ChannelAdded(P, A, "c1", "Nyhetsbrev", "Chefer", "Informera", Scope.INTERNAL),
                new KeyMessageAdded(P, A, "k1", "Samverkan lönar sig", "Chefer"),
                new RiskAdded(P, A, "r2", "Låg närvaro", "Påminnelser", 3, 2),
                new RiskAdded(P, A, "r1", "Sjukdom", null, null, null),
                new StakeholderAdded(P, A, "s1", "Arbetsförmedlingen"),
                new InformationProductAdded(P, A, "i1", "Verksamhetsplan"),
                new StakeholderMatrixCellSet(P, A, "s1", "i1", MatrixCode.D),
                new ChecklistItemAdded(P, A, "q1", "Är budgeten beslutad?"),
                new ChecklistItemAnswered(P, A, "q1", true, "I styrelsen"),
                new PartnerAssociationAdded(P, A, "finsam-vo", PartnerAccess.CONTRIBUTE),
                new MilestoneAdded(P, A, "m1", "Kick-off", MARCH, MARCH.plusDays(14), Rating.O),
                new PlanPresented(P, A, 1, MARCH, "Styrelsen"),
                new PlanDecided(P, A, 1, MARCH.plusDays(7), "Styrelsen"),
                new PlanRevisionStarted(P, A, 2, "Ny budget"),
                new PlanPresented(P, A, 2, MARCH.plusDays(30), "Beredningsgruppen")}) {
            plan.on(event);
        }
        PlanDocument document = document(plan);
        for (Field field : PlanDocument.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Object value = read(field, document);
            assertThat(value).as(field.getName()).isNotNull();
            if (value instanceof Collection<?> collection) {
                assertThat(collection).as(field.getName()).isNotEmpty();
            } else if (value instanceof Map<?, ?> map) {
                assertThat(map).as(field.getName()).isNotEmpty();
            }
        }
        return plan;
    }

    private static PlanDocument document(Plan plan) {
        try {
            return (PlanDocument) read(Plan.class.getDeclaredField("document"), plan);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
