package se.samplan.reporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.EventJson;
import se.samplan.events.activity.ActivityOccurrenceCompleted;
import se.samplan.events.plan.MilestoneAdded;
import se.samplan.events.plan.PlanCreated;
import se.samplan.events.plan.Rating;
import se.samplan.reporting.ReportingTestSupport;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.reporting.ReportingTestSupport.as;

/**
 * The report of 000 (SCÖ, December 2021) made on the platform and exported: PDF and print page as
 * the template lays it out, in Swedish or English; the activity list as CSV.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportExportTest {

    static ReportingTestSupport.Topics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = ReportingTestSupport.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    /** The tables as their owner sees them: every association's rows. */
    JdbcTemplate jdbc;

    @Autowired
    void owner(org.springframework.core.env.Environment environment) {
        jdbc = ReportingTestSupport.owner(environment);
    }

    @Test
    void theReportOf000IsProducedAndExportedAsTheTemplateLaysItOut() throws Exception {
        JsonNode source;
        try (InputStream in = getClass().getResourceAsStream("/report-000.json")) {
            source = EventJson.mapper().readTree(in);
        }
        Instant t = Instant.parse("2021-06-01T08:00:00Z");
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            long seq = 0;
            producer.send(topics.plans(), EventProducer.envelope(new PlanCreated("plan-000", "sco", "Kommunikation SCÖ 2021",
                    LocalDate.of(2021, 1, 1), LocalDate.of(2022, 12, 31), "sara"), "plan-000", seq++, t));
            int i = 0;
            for (JsonNode m : source.get("milestones")) {
                producer.send(topics.plans(), EventProducer.envelope(new MilestoneAdded("plan-000", "sco", "m" + i++, m.get("name").asText(),
                        date(m.get("targetDate")), date(m.get("forecastDate")), Rating.valueOf(m.get("status").asText())),
                        "plan-000", seq++, t));
            }
            producer.send(topics.activities(), EventProducer.envelope(EventProducer.activity("act-lecture", "sco", "plan-000",
                    "Digital föreläsning: samordningsbron", LocalDate.of(2021, 12, 9)), "act-lecture", 0, t));
            producer.send(topics.activities(), EventProducer.envelope(new ActivityOccurrenceCompleted("act-lecture", "sco", "plan-000",
                    "once", LocalDate.of(2021, 12, 9), "120 deltagare", new BigDecimal("4500.50")), "act-lecture", 1, t));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM milestone_state WHERE plan_id = 'plan-000'", Integer.class) == 4
                && jdbc.queryForObject("SELECT count(*) FROM activity_occurrence WHERE plan_id = 'plan-000' AND status = 'DONE'",
                Integer.class) == 1);

        ResponseEntity<JsonNode> opened = http.exchange("/api/reports/plans/plan-000/status-reports", HttpMethod.POST,
                as("sco", "sara", "communicator", null, Map.of("period", "2021-12", "title", source.get("title").asText(),
                        "recipient", "Styrelsen och beredningsgruppen")), JsonNode.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String path = "/api/reports/status-reports/" + opened.getBody().get("reportId").asText();
        ObjectNode content = (ObjectNode) opened.getBody().get("content").deepCopy();
        assertThat(content.get("milestones")).hasSize(4);
        content.set("results", source.get("results"));
        content.set("plannedActions", source.get("plannedActions"));
        content.put("userPerspective", source.get("userPerspective").asText());
        content.set("openQuestions", source.get("openQuestions"));
        ((ArrayNode) content.get("risks")).removeAll();
        content.get("parameters").forEach(p -> ((ObjectNode) p).put("rating", source.get("ratings").get(p.get("parameter").asText()).asText()));
        ResponseEntity<JsonNode> edited = http.exchange(path, HttpMethod.PUT, as("sco", "sara", "communicator",
                opened.getHeaders().getETag(), Map.of("content", content)), JsonNode.class);
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.exchange(path + "/submission", HttpMethod.POST, as("sco", "sara", "communicator",
                edited.getHeaders().getETag(), null), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<byte[]> pdf = http.exchange(path + "/export.pdf", HttpMethod.GET, as("sco", "sara"), byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "statusrapport-december-2021.pdf"), pdf.getBody());
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Statusrapport kommunikation december 2021", "Resultat", "Kunskapsdialoger",
                "Sju stycken digitala kunskapsdialoger genomförda 2021", "Planerade åtgärder", "Delta i Finsam-kampanj, oklart när.",
                "Användarperspektiv och horisontella principer", "Riskhantering ▲ O – några frågor", "Övergripande ● G – inga frågor",
                "Skapa ny hemsida ? ? ▲ O – några frågor", "Inspelning av verksamhetsfilmer 2021-05-30 2021-12-20 ● G – inga frågor",
                "Hemsida - lösa internt eller via webbyrå?", "Teckenförklaring");
        assertThat(text).doesNotContain("#");

        String english = http.exchange(path + "/export.html?lang=en", HttpMethod.GET, as("sco", "sara"), String.class).getBody();
        assertThat(english).contains("lang=\"en\"", "Project milestones", "Expected end date", "Risk management", "some issues");
        ResponseEntity<JsonNode> badLang = http.exchange(path + "/export.pdf?lang=de", HttpMethod.GET, as("sco", "sara"), JsonNode.class);
        assertThat(badLang.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badLang.getBody().get("errors").get(0).get("field").asText()).isEqualTo("lang");
        assertThat(http.exchange(path + "/export.pdf", HttpMethod.GET, as("vkl", "katja"), byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<byte[]> csv = http.exchange("/api/reports/plans/plan-000/activities.csv", HttpMethod.GET, as("sco", "sara"),
                byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String rows = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(rows).startsWith("\uFEFFAktivitet;Typ;Kanal/forum;Tillfälle;Datum;Status;Genomförd;Utfall;Budget (kr);Kostnad (kr)");
        assertThat(rows).contains("Digital föreläsning: samordningsbron;ACTIVITY;;once;2021-12-09;Klar;2021-12-09;120 deltagare;;4500,50");
        String englishRows = http.exchange("/api/reports/plans/plan-000/activities.csv?lang=en", HttpMethod.GET, as("sco", "sara"),
                String.class).getBody();
        assertThat(englishRows).startsWith("Activity,Kind,").contains(",Done,2021-12-09,120 deltagare,,4500.50");
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asText());
    }
}
