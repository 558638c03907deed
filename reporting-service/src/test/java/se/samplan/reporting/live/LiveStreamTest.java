package se.samplan.reporting.live;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.activity.ActivityOccurrenceCompleted;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PartnerAssociationAdded;
import se.samplan.events.plan.PlanCreated;
import se.samplan.reporting.ReportingTestSupport;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestIdentity;
import se.samplan.testkit.TestKafka;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Server-Sent-Event stream pushes each change to the association's dashboards as it arrives
 * from Kafka, and to the partner associations of the plan; never to anyone else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "samplan.live.heartbeat=1s")
class LiveStreamTest {

    static ReportingTestSupport.Topics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = ReportingTestSupport.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void changesArePushedToTheOwnersAndPartnersStreamsOnly() throws Exception {
        BlockingQueue<String> sco = stream("sco");
        BlockingQueue<String> ostra = stream("ostra");
        BlockingQueue<String> vkl = stream("vkl");
        for (BlockingQueue<String> q : List.of(sco, ostra, vkl)) {
            assertThat(q.poll(10, TimeUnit.SECONDS)).isEqualTo("event:ready");
        }
        Instant now = Instant.now();
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.plans(), EventProducer.envelope(new PlanCreated("plan-live", "sco", "Live", null, null, "anna"),
                    "plan-live", 0, now));
            // Applied before the plan is shared: a poll's changes go to the partners the plan has once the
            // poll is applied, so a creation and a share in one poll would both reach the partner.
            assertThat(changes(sco, 1)).containsExactly("PlanCreated");
            producer.send(topics.plans(), EventProducer.envelope(new PartnerAssociationAdded("plan-live", "sco", "ostra",
                    PartnerAccess.READ), "plan-live", 1, now));
            assertThat(changes(sco, 1)).containsExactly("PartnerAssociationAdded");
            // The partner hears of the plan from the moment it is shared with it.
            assertThat(changes(ostra, 1)).containsExactly("PartnerAssociationAdded");

            producer.send(topics.activities(), EventProducer.envelope(EventProducer.activity("act-live", "sco", "plan-live",
                    "Föreläsning", LocalDate.of(2022, 3, 1)), "act-live", 0, now));
            producer.send(topics.activities(), EventProducer.envelope(new ActivityOccurrenceCompleted("act-live", "sco", "plan-live",
                    "once", LocalDate.of(2022, 3, 1), null, null), "act-live", 1, now));
        }
        assertThat(changes(sco, 2)).containsExactly("ActivityScheduled", "ActivityOccurrenceCompleted");
        assertThat(changes(ostra, 2)).containsExactly("ActivityScheduled", "ActivityOccurrenceCompleted");
        assertThat(changes(vkl, 1)).isEmpty();
    }

    /** Up to {@code count} change types within a few seconds. */
    private static List<String> changes(BlockingQueue<String> lines, int count) throws InterruptedException {
        List<String> types = new java.util.ArrayList<>();
        long until = System.currentTimeMillis() + 10_000;
        while (types.size() < count && System.currentTimeMillis() < until) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("data:") && line.contains("\"type\"")) {
                types.add(line.replaceAll(".*\"type\":\"([A-Za-z]+)\".*", "$1"));
            }
        }
        return types;
    }

    private BlockingQueue<String> stream(String association) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/stream"))
                .header("Accept", "text/event-stream");
        TestIdentity.headers(association, "person-" + association, "reader").forEach(request::header);
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith(":") && !line.startsWith("id:") && !line.startsWith("retry:")) {
                        lines.add(line);
                    }
                }
            } catch (java.io.IOException ignored) {
                // the test ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
