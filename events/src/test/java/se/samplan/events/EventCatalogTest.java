package se.samplan.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.samplan.events.activity.ActivityKind;
import se.samplan.events.activity.ActivityOccurrenceCompleted;
import se.samplan.events.activity.ActivitySchedule;
import se.samplan.events.activity.ActivityScheduled;
import se.samplan.events.activity.PlannedOccurrence;
import se.samplan.events.plan.PlanCreated;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCatalogTest {

    private final EventCatalog catalog = EventCatalog.standard();

    @Test
    void everyRevisionOfEveryContractHasAStoredSampleThatDecodes() throws IOException {
        assertThat(catalog.contracts()).hasSizeGreaterThan(40);
        for (Class<? extends SamplanEvent> contract : catalog.contracts()) {
            String type = EventCatalog.contractOf(contract).type();
            int current = EventCatalog.contractOf(contract).revision();
            for (int revision = 1; revision <= current; revision++) {
                String sample = "/contracts/" + type + ".r" + revision + ".json";
                try (InputStream in = getClass().getResourceAsStream(sample)) {
                    assertThat(in).as("sample %s", sample).isNotNull();
                    JsonNode payload = EventJson.mapper().readTree(in);
                    EventEnvelope envelope = envelope(type, revision, payload);
                    SamplanEvent event = catalog.decode(envelope).orElseThrow();
                    assertThat(event).isInstanceOf(contract);
                    // The one-pass read of the published bytes gives the same header and event.
                    EventCatalog.Received received = catalog.read(EventJson.write(envelope));
                    assertThat(received.header()).as("sample %s", sample).isEqualTo(envelope.header());
                    assertThat(received.event()).as("sample %s", sample).contains(event);
                    assertThat(event.associationId()).isEqualTo("finsam-lekeberg-orebro");
                    if (revision == current) {
                        // Nothing in the sample is lost or unknown to the record: the stored form is the contract.
                        assertThat(EventJson.mapper().readTree(EventJson.mapper().writeValueAsBytes(event))).as("sample %s", sample)
                                .isEqualTo(payload);
                    }
                }
            }
        }
    }

    @Test
    void activityScheduledRevision1BecomesADatedScheduleWithOneOccurrence() throws IOException {
        JsonNode r1 = EventJson.mapper().readTree(getClass().getResourceAsStream("/contracts/ActivityScheduled.r1.json"));
        ActivityScheduled upcast = (ActivityScheduled) catalog.decode(envelope("ActivityScheduled", 1, r1)).orElseThrow();
        assertThat(upcast.title()).isEqualTo("Nyhetsbrev");
        assertThat(upcast.kind()).isEqualTo(ActivityKind.ACTIVITY);
        assertThat(upcast.schedule()).isEqualTo(ActivitySchedule.onDate(LocalDate.of(2024, 5, 24)));
        assertThat(upcast.occurrences()).containsExactly(new PlannedOccurrence("once", LocalDate.of(2024, 5, 24)));

        ObjectNode undated = ((ObjectNode) r1.deepCopy()).putNull("dueDate");
        ActivityScheduled ongoing = (ActivityScheduled) catalog.decode(envelope("ActivityScheduled", 1, undated)).orElseThrow();
        assertThat(ongoing.schedule()).isEqualTo(ActivitySchedule.ongoing(null));
        assertThat(ongoing.occurrences()).containsExactly(new PlannedOccurrence("ongoing", null));
    }

    @Test
    void envelopeSurvivesTheWireUnchanged() {
        PlanCreated created = new PlanCreated("p-1", "sco", "Statusrapport kommunikation",
                LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), "person-1");
        EventEnvelope envelope = envelope("PlanCreated", 1, EventJson.mapper().valueToTree(created));

        EventEnvelope read = EventJson.read(EventJson.write(envelope));

        assertThat(read).isEqualTo(envelope);
        assertThat(catalog.decode(read)).contains(created);
        assertThat(new String(EventJson.write(envelope))).contains("\"periodStart\":\"2021-01-01\"");
    }

    @Test
    void unknownTypesAreLeftToNewerConsumersAndNewerRevisionsAreRefused() {
        ObjectNode payload = EventJson.mapper().createObjectNode().put("associationId", "sco");
        assertThat(catalog.decode(envelope("SomethingNew", 1, payload))).isEmpty();
        assertThatThrownBy(() -> catalog.decode(envelope("PlanCreated", 2, payload)))
                .isInstanceOf(EventCatalog.UnsupportedRevisionException.class);
    }

    @Test
    void theOnePassReadTakesFieldsInAnyOrderKeepsExactAmountsAndRefusesWhatDecodeRefuses() {
        String header = "\"eventId\":\"8d0f6a5e-1c1f-4a57-9a43-0b8c4f3a8e11\",\"tenantId\":\"sco\",\"aggregateType\":\"Activity\","
                + "\"aggregateId\":\"a-1\",\"sequence\":3,\"occurredAt\":\"2022-02-16T10:00:00Z\",\"actor\":\"person-1\"";
        String completed = "{\"activityId\":\"a-1\",\"associationId\":\"sco\",\"planId\":\"p-1\",\"occurrenceId\":\"2022-02\","
                + "\"doneOn\":\"2022-02-16\",\"outcome\":\"Bra\",\"costSek\":500.00}";
        // The payload before its type and revision: read as written, whatever the order.
        EventCatalog.Received received = catalog.read(("{\"payload\":" + completed + "," + header
                + ",\"type\":\"ActivityOccurrenceCompleted\",\"revision\":2}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ActivityOccurrenceCompleted event = (ActivityOccurrenceCompleted) received.event().orElseThrow();
        assertThat(event.costSek()).isEqualByComparingTo("500").extracting(java.math.BigDecimal::scale).isEqualTo(2);
        assertThat(received.header().sequence()).isEqualTo(3);
        assertThat(received.header().occurredAt()).isEqualTo(Instant.parse("2022-02-16T10:00:00Z"));

        assertThat(catalog.read(bytes("{" + header + ",\"type\":\"SomethingNew\",\"revision\":1,\"payload\":{\"x\":[1,{}]}}"))
                .event()).isEmpty();
        assertThatThrownBy(() -> catalog.read(bytes("{" + header + ",\"type\":\"ActivityOccurrenceCompleted\",\"revision\":3,"
                + "\"payload\":" + completed + "}"))).isInstanceOf(EventCatalog.UnsupportedRevisionException.class);
        assertThatThrownBy(() -> catalog.read(bytes("{" + header + ",\"type\":\"ActivityOccurrenceCompleted\",\"revision\":2,"
                + "\"payload\":null}"))).isInstanceOf(NullPointerException.class).hasMessage("payload");
        assertThatThrownBy(() -> catalog.read(bytes("{" + header + ",\"revision\":2,\"payload\":" + completed + "}")))
                .isInstanceOf(NullPointerException.class).hasMessage("type");
        assertThatThrownBy(() -> catalog.read(bytes("{" + header + ",\"type\":\"ActivityOccurrenceCompleted\",\"revision\":2,"
                + "\"payload\":{\"doneOn\":\"not a date\"}}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unreadable ActivityOccurrenceCompleted payload");
        assertThatThrownBy(() -> catalog.read(bytes("[]"))).isInstanceOf(java.io.UncheckedIOException.class);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void olderRevisionsAreUpcastStepByStep() {
        @EventContract(type = "Renamed", revision = 3, aggregateType = "Test")
        record Renamed(String associationId, String name, int version) implements SamplanEvent {
        }
        EventCatalog evolving = new EventCatalog(List.of(Renamed.class), List.of(
                new Upcaster("Renamed", 1, node -> (ObjectNode) node.set("name", node.remove("title"))),
                new Upcaster("Renamed", 2, node -> node.put("version", 3))));
        ObjectNode revision1 = EventJson.mapper().createObjectNode().put("associationId", "sco").put("title", "Plan");

        assertThat(evolving.decode(envelope("Renamed", 1, revision1)))
                .contains(new Renamed("sco", "Plan", 3));
    }

    @Test
    void envelopeIsImmutable() {
        ObjectNode payload = EventJson.mapper().createObjectNode().put("associationId", "sco");
        EventEnvelope envelope = envelope("PlanCreated", 1, payload);
        payload.put("associationId", "other");
        ((ObjectNode) envelope.payload()).put("associationId", "other");
        assertThat(envelope.payload().get("associationId").asText()).isEqualTo("sco");
    }

    private static EventEnvelope envelope(String type, int revision, JsonNode payload) {
        return new EventEnvelope(UUID.randomUUID(), type, revision, "sco", "Plan", "p-1", 0,
                Instant.parse("2021-12-01T09:00:00Z"), "person-1", payload);
    }
}
