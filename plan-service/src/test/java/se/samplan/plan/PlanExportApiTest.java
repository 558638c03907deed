package se.samplan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan as a document, built through the API the way a communicator fills one in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanExportApiTest {

    private static final String TITLE = "Kommunikationsplan SCÖ 2026";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlanServiceTestSupport.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void theHtmlExportHoldsEveryPartInSwedishByDefaultOrInEnglish() {
        String planId = decidedPlan().planId();

        ResponseEntity<String> sv = http.exchange("/api/plans/" + planId + "/export.html", HttpMethod.GET,
                as("sco", null), String.class);
        assertThat(sv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sv.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/html;charset=UTF-8"));
        assertThat(sv.getBody()).contains("lang=\"sv\"", "@media print", "<h1>" + TITLE + "</h1>",
                "<h2>Bakgrund</h2>", "<h2>Syfte</h2>", "<h2>Övergripande mål</h2>", "<h2>Kommunikationsmål per målgrupp</h2>",
                "<h2>Målgrupper</h2>", "<h2>Kanaler</h2>", "<h2>Budskap</h2>", "<h2>Risker</h2>", "<h2>Intressentanalys</h2>",
                "<h2>Projektmilstolpar</h2>", "<h2>Checklista</h2>", "<h2>Samverkande förbund</h2>", "<h2>Beslut</h2>",
                ">Målgrupp</th>", ">Veta</th>", ">Känna</th>", ">Agera</th>",
                "<tr><td>Chefer hos parterna</td><td>Alla chefer ska veta om förbundets arbete.</td>"
                        + "<td>Att samverkan gör nytta för den egna organisationen.</td>"
                        + "<td>Sprida information till medarbetarna – i alla led.</td></tr>",
                "<td>Medarbetare hos parterna</td><td>Primär</td><td>Intern</td>",
                "<tr><td>Styrgrupp</td><td class=\"code\">D</td><td class=\"code\">E</td></tr>",
                "<tr><td>Socialchefer</td><td class=\"code\">–</td><td class=\"code\">P</td></tr>",
                "D = Deltar · E = Elektroniskt (mail och webb) · P = På papper · – = Ingenting",
                "<td>Skapa ny hemsida</td><td>?</td><td>?</td><td><span class=\"light light-o\"></span>O – några frågor</td>",
                "<td>Är kommunikationsmålen realistiska och mätbara?</td><td>Ja</td><td>Mäts i enkät</td>",
                "<td>ostra</td><td>Läsa</td>",
                "<td>1</td><td>2026-01-21</td><td>Styrelse och beredningsgrupp</td><td>2026-02-25</td><td>Styrelsen</td>")
                // Written nowhere in this plan, so not printed as an empty heading.
                .doesNotContain("<h2>Strategi</h2>", "<h2>Horisontella principer</h2>", "<h2>Uppföljning och utvärdering</h2>");

        String en = http.exchange("/api/plans/" + planId + "/export.html?lang=en", HttpMethod.GET,
                as("sco", null), String.class).getBody();
        assertThat(en).contains("lang=\"en\"", "<h2>Background</h2>", "<h2>Overall goals</h2>",
                "<h2>Communication goals per audience</h2>", "<h2>Stakeholder analysis</h2>", "<h2>Milestones</h2>",
                ">Audience</th>", ">Know</th>", ">Feel</th>", ">Act</th>",
                "<tr><td>Chefer hos parterna</td><td>Alla chefer ska veta om förbundets arbete.</td>",
                "<td>Medarbetare hos parterna</td><td>Primary</td><td>Internal</td>",
                "O – some issues", "<th>Status</th><td>Decided</td>")
                .doesNotContain("Målgrupp</th>", "Bakgrund");
    }

    @Test
    void thePdfExportReadsLikeTheWordPlan() throws Exception {
        String planId = decidedPlan().planId();

        ResponseEntity<byte[]> response = http.exchange("/api/plans/" + planId + "/export.pdf", HttpMethod.GET,
                as("sco", null), byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        ContentDisposition disposition = response.getHeaders().getContentDisposition();
        assertThat(disposition.isInline()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo(TITLE + ".pdf");
        // For a person to look at: target/plan-export-sv.pdf.
        Files.write(Path.of("target", "plan-export-sv.pdf"), response.getBody());
        try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(TITLE, "Målgrupp Veta Känna Agera",
                    "Inspelning av verksamhetsfilmer 2026-05-30 2026-11-22 G – inga frågor",
                    "Skapa ny hemsida ? ? O – några frågor",
                    "Tillsammans gör vi mer – från kännedom → handling")
                    .doesNotContain("#");
        }
    }

    @Test
    void anEarlierVersionIsExportedAsItWasDecided() {
        Built plan = decidedPlan();
        String etag = send(HttpMethod.POST, "/api/plans/" + plan.planId() + "/revision", "sco", plan.etag(),
                Map.of("reason", "Efter första halvåret")).getHeaders().getETag();
        send(HttpMethod.PUT, "/api/plans/" + plan.planId() + "/title", "sco", etag, Map.of("title", "SCÖ 2026, andra halvåret"));

        String now = http.exchange("/api/plans/" + plan.planId() + "/export.html", HttpMethod.GET,
                as("sco", null), String.class).getBody();
        String decided = http.exchange("/api/plans/" + plan.planId() + "/export.html?version=1", HttpMethod.GET,
                as("sco", null), String.class).getBody();

        assertThat(now).contains("<h1>SCÖ 2026, andra halvåret</h1>", "<td>Under revidering</td>", "<th>Version</th><td>2</td>");
        assertThat(decided).contains("<h1>" + TITLE + "</h1>", "<td>Beslutad</td>", "<th>Version</th><td>1</td>");
        ResponseEntity<JsonNode> unknown = http.exchange("/api/plans/" + plan.planId() + "/export.pdf?version=3",
                HttpMethod.GET, as("sco", null), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anotherAssociationsPlanIsNotFoundAndAnUnknownLanguageIsAProblemNamingLang() {
        String planId = decidedPlan().planId();

        for (String export : new String[]{"export.pdf", "export.html"}) {
            ResponseEntity<JsonNode> foreign = http.exchange("/api/plans/" + planId + "/" + export, HttpMethod.GET,
                    as("vkl", null), JsonNode.class);
            assertThat(foreign.getStatusCode()).as(export).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(foreign.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

            ResponseEntity<JsonNode> badLanguage = http.exchange("/api/plans/" + planId + "/" + export + "?lang=xx",
                    HttpMethod.GET, as("sco", null), JsonNode.class);
            assertThat(badLanguage.getStatusCode()).as(export).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(badLanguage.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(badLanguage.getBody().get("errors").get(0).get("field").asText()).isEqualTo("lang");
        }
        // A partner it is shared with reads it like its owner.
        assertThat(http.exchange("/api/plans/" + planId + "/export.pdf", HttpMethod.GET, as("ostra", null), byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // A plan like SCÖ's, with every part filled in except strategy, horizontal principles and evaluation.

    private record Built(String planId, String etag) {
    }

    private Built decidedPlan() {
        ResponseEntity<JsonNode> created = http.postForEntity("/api/plans", as("sco", Map.of("title", TITLE,
                "periodStart", "2026-01-01", "periodEnd", "2026-12-31")), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String planId = created.getBody().get("planId").asText();
        String base = "/api/plans/" + planId;
        Chain chain = new Chain(created.getHeaders().getETag());
        chain.put(base + "/sections/BACKGROUND", Map.of("text", "SCÖ arbetar med två systerförbund, Östra och Västra.\n\n"
                + "Hemsidan ägs gemensamt."));
        chain.put(base + "/sections/PURPOSE", Map.of("text", "Att förbundets arbete uppfattas som meningsfullt, begripligt och transparent."));
        chain.post(base + "/goals", Map.of("text", "Skapa kännedom och kunskap om förbundet."));
        chain.post(base + "/goals", Map.of("text", "Löpande ge kunskap om resultat från insatser."));
        chain.post(base + "/audiences", Map.of("name", "Chefer hos parterna", "know", "Alla chefer ska veta om förbundets arbete.",
                "feel", "Att samverkan gör nytta för den egna organisationen.",
                "act", "Sprida information till medarbetarna – i alla led."));
        chain.post(base + "/audiences", Map.of("name", "Kommunernas medborgare", "know", "Att insatserna finns.",
                "act", "Hitta stöd via Insatskatalogen."));
        chain.post(base + "/target-groups", Map.of("name", "Medarbetare hos parterna", "priority", "PRIMARY",
                "scope", "INTERNAL", "description", "Med rehabiliteringsuppdrag"));
        chain.post(base + "/target-groups", Map.of("name", "Medborgare", "priority", "EXTERNAL", "scope", "EXTERNAL"));
        chain.post(base + "/channels", Map.of("name", "Hemsida", "audience", "Medarbetare hos parterna",
                "purpose", "Nyheter, protokoll och kommande möten", "scope", "EXTERNAL"));
        chain.post(base + "/channels", Map.of("name", "Arbetsplatsträff (APT)", "scope", "INTERNAL"));
        chain.post(base + "/key-messages", Map.of("text", "Tillsammans gör vi mer – från kännedom → handling", "audience", "Alla"));
        chain.post(base + "/risks", Map.of("description", "Hemsidan blir inte klar i tid", "mitigation",
                "Besluta tidigt: lösa internt eller via webbyrå?", "likelihood", 3, "impact", 4));
        String steering = chain.post(base + "/stakeholders", Map.of("name", "Styrgrupp"));
        String socialChiefs = chain.post(base + "/stakeholders", Map.of("name", "Socialchefer"));
        String projectPlan = chain.post(base + "/information-products", Map.of("name", "Projektplan"));
        String newsletter = chain.post(base + "/information-products", Map.of("name", "Nyhetsbrev"));
        chain.put(base + "/stakeholder-matrix/" + steering + "/" + projectPlan, Map.of("code", "D"));
        chain.put(base + "/stakeholder-matrix/" + steering + "/" + newsletter, Map.of("code", "E"));
        chain.put(base + "/stakeholder-matrix/" + socialChiefs + "/" + newsletter, Map.of("code", "P"));
        String question = chain.post(base + "/checklist", Map.of("question", "Är kommunikationsmålen realistiska och mätbara?"));
        chain.put(base + "/checklist/" + question + "/answer", Map.of("answer", true, "comment", "Mäts i enkät"));
        chain.put(base + "/partners/ostra", Map.of("access", "READ"));
        chain.post(base + "/milestones", Map.of("name", "Inspelning av verksamhetsfilmer", "targetDate", "2026-05-30",
                "forecastDate", "2026-11-22", "status", "G"));
        chain.post(base + "/milestones", Map.of("name", "Skapa ny hemsida", "status", "O"));
        chain.post(base + "/presentation", Map.of("presentedOn", "2026-01-21", "presentedTo", "Styrelse och beredningsgrupp"));
        chain.post(base + "/decision", Map.of("decidedOn", "2026-02-25", "decidedBy", "Styrelsen"));
        return new Built(planId, chain.etag);
    }

    /** Writes one after another, each with the ETag the last one answered. */
    private final class Chain {
        private String etag;

        Chain(String etag) {
            this.etag = etag;
        }

        /** Returns the new item's id, for an addition. */
        String post(String path, Map<String, Object> body) {
            ResponseEntity<JsonNode> response = next(HttpMethod.POST, path, body);
            return response.getHeaders().getLocation() == null ? null
                    : Path.of(response.getHeaders().getLocation().getPath()).getFileName().toString();
        }

        void put(String path, Map<String, Object> body) {
            next(HttpMethod.PUT, path, body);
        }

        private ResponseEntity<JsonNode> next(HttpMethod method, String path, Map<String, Object> body) {
            ResponseEntity<JsonNode> response = send(method, path, "sco", etag, new HashMap<>(body));
            assertThat(response.getStatusCode().is2xxSuccessful()).as(method + " " + path + ": " + response.getBody()).isTrue();
            etag = response.getHeaders().getETag();
            return response;
        }
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String association, String etag, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(as(association, body).getHeaders());
        headers.setIfMatch(etag);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static HttpEntity<Object> as(String association, Object body) {
        return PlanServiceTestSupport.as(association, "person-7", body);
    }
}
