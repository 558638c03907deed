package se.samplan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.EventJson;
import se.samplan.events.Topics;
import se.samplan.testkit.TestIdentity;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TopicReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing a whole plan from YAML or JSON: dry run, flagged values, acceptance, all or nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanImportApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PlanServiceTestSupport.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    /** 002's plan with 001's stakeholder matrix and checklist: every part of the format. */
    static final String EVERYTHING = """
            title: Kommunikationsplan Finsam Lekeberg och Örebro
            period: {start: 2022-01-01, end: 2023-12-31}
            owner: lena
            sections:
              syfte: Att förbundets arbete uppfattas som meningsfullt, begripligt och transparent av alla berörda.
              STRATEGY: Förbundets representanter sprider kunskap i den organisation de representerar.
            goals:
              - Skapa kännedom och kunskap om förbundet och dess syfte.
              - text: Informera om vilka aktiviteter och projekt som finansieras och syfte/mål med dessa.
            audiences:
              - name: Chefer hos parterna
                know: Alla chefer ska veta om förbundets arbete med samordning och samverkan.
                feel: Chefer ska känna till vad samordning och samverkan innebär för den egna organisationen.
                act: Chefer ska ansvara för att information sprids till medarbetarna i alla led.
              - name: Kommunernas medborgare
                know: Kommunernas medborgare ska veta att samordningsförbundets finansierade insatser finns.
                feel: Medborgare i behov av samordnade rehabiliteringsinsatser ska känna till Insatskatalogen.
                act: Medborgare ska kunna hitta till och ansöka om stöd via Insatskatalogen.
            targetGroups:
              - name: Chefer & anställda hos förbundets huvudmän
                priority: PRIMARY
                scope: INTERNAL
              - name: Förtroendevalda i huvudmännens beslutade församlingar
                priority: sekundär
                scope: extern
                description: Nämnder med rehabiliteringsuppdrag
            channels:
              - name: Hemsida
                audience: Medarbetare hos förbundets parter
                purpose: Nyheter kring vad som händer i förbundet
                scope: EXTERNAL
              - name: Facebooksida
                scope: extern
            keyMessages:
              - text: Förbundet är den naturliga plattformen för samverkan inom rehabiliteringsområdet.
                audience: Chefer hos parterna
            risks:
              - description: Hemsidan lever inte upp till kraven på tillgänglighet
                mitigation: Samverka med andra förbund om en ny hemsida
                likelihood: 4
                impact: 3
            informationProducts: [Projektplan, Nyhetsbrev]
            stakeholders:
              - name: Styrgrupp
                products: {Projektplan: D, Nyhetsbrev: E}
              - name: Politiker
                products: {Nyhetsbrev: P, Projektplan: "-"}
            checklist:
              - question: Är planen tidsatt med aktiviteter?
                answer: ja
              - question: Är målen mätbara?
            partners:
              - {association: region-orebro, access: READ}
            milestones:
              - name: Ny hemsida lanserad
                targetDate: 2022-06-30
                forecastDate: 2022-09-30
                status: O
            presented: {date: 2022-01-21, to: Styrelse och beredningsgrupp}
            decided: {date: 2022-02-25, by: Styrelsen}
            """;

    @Test
    void aWholePlanInYamlIsImportedWithEverythingInItAndPublished() {
        ResponseEntity<JsonNode> imported = post("finsam-lo", "lena", EVERYTHING, "application/yaml", "");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String planId = imported.getBody().get("planId").asText();
        assertThat(imported.getHeaders().getLocation()).hasPath("/api/plans/" + planId);
        assertThat(imported.getBody().get("problems")).isEmpty();

        ResponseEntity<JsonNode> read = http.exchange("/api/plans/" + planId, HttpMethod.GET,
                PlanServiceTestSupport.as("finsam-lo", "lena", null), JsonNode.class);
        assertThat(read.getHeaders().getETag()).isEqualTo(imported.getHeaders().getETag());
        JsonNode plan = read.getBody();
        assertThat(plan.get("associationId").asText()).isEqualTo("finsam-lo");
        assertThat(plan.get("title").asText()).isEqualTo("Kommunikationsplan Finsam Lekeberg och Örebro");
        assertThat(plan.get("periodEnd").asText()).isEqualTo("2023-12-31");
        assertThat(plan.get("ownerId").asText()).isEqualTo("lena");
        assertThat(plan.get("status").asText()).isEqualTo("DECIDED");
        assertThat(plan.get("decisions").get(0).get("decidedOn").asText()).isEqualTo("2022-02-25");
        assertThat(plan.get("sections").get("PURPOSE").asText()).startsWith("Att förbundets arbete");
        assertThat(plan.get("sections").has("STRATEGY")).isTrue();
        assertThat(plan.get("goals")).extracting(g -> g.get("text").asText()).hasSize(2)
                .first().isEqualTo("Skapa kännedom och kunskap om förbundet och dess syfte.");
        assertThat(plan.get("audiences").get(1).get("act").asText()).contains("Insatskatalogen");
        assertThat(plan.get("targetGroups")).extracting(g -> g.get("priority").asText() + "/" + g.get("scope").asText())
                .containsExactly("PRIMARY/INTERNAL", "SECONDARY/EXTERNAL");
        assertThat(plan.get("channels")).extracting(c -> c.get("name").asText()).containsExactly("Hemsida", "Facebooksida");
        assertThat(plan.get("keyMessages")).hasSize(1);
        assertThat(plan.get("risks").get(0).get("likelihood").asInt()).isEqualTo(4);
        assertThat(plan.get("checklist").get(0).get("answer").asBoolean()).isTrue();
        assertThat(plan.get("checklist").get(1).get("answer").isNull()).isTrue();
        assertThat(plan.get("partners").get(0).get("associationId").asText()).isEqualTo("region-orebro");
        assertThat(plan.get("milestones").get(0).get("forecastDate").asText()).isEqualTo("2022-09-30");
        Map<String, String> products = Map.of(
                plan.get("informationProducts").get(0).get("id").asText(), "Projektplan",
                plan.get("informationProducts").get(1).get("id").asText(), "Nyhetsbrev");
        JsonNode styrgrupp = plan.get("stakeholderMatrix").get(0);
        assertThat(styrgrupp.get("stakeholder").asText()).isEqualTo("Styrgrupp");
        styrgrupp.get("cells").fields().forEachRemaining(cell -> assertThat(cell.getValue().asText())
                .isEqualTo(products.get(cell.getKey()).equals("Projektplan") ? "D" : "E"));
        plan.get("stakeholderMatrix").get(1).get("cells").fields().forEachRemaining(cell -> assertThat(cell.getValue().asText())
                .isEqualTo(products.get(cell.getKey()).equals("Projektplan") ? "NONE" : "P"));

        long events = plan.get("sequence").asLong() + 1;
        try (TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), Topics.PLANS)) {
            assertThat(reader.await(r -> planId.equals(r.key()), (int) events, Duration.ofSeconds(30))).hasSize((int) events);
        }
    }

    @Test
    void jsonIsReadLikeYaml() {
        ResponseEntity<JsonNode> imported = post("sco", "sara", """
                {"title": "Statusrapport", "period": {"start": "2021-01-01"},
                 "milestones": [{"name": "Inspelning av verksamhetsfilmer", "targetDate": "2021-05-30", "status": "G"}]}""",
                MediaType.APPLICATION_JSON_VALUE, "");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode plan = read("sco", imported.getBody().get("planId").asText());
        assertThat(plan.get("milestones").get(0).get("targetDate").asText()).isEqualTo("2021-05-30");
        assertThat(plan.get("periodEnd").isNull()).isTrue();
    }

    @Test
    void aDryRunOf000ReportsEachUnknownDateByRowAndStoresNothing() {
        long before = storedEvents();
        ResponseEntity<JsonNode> report = post("sco", "sara", resource("import/000-sco-communication.yaml"),
                "application/yaml", "?dryRun=true");

        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody().get("dryRun").asBoolean()).isTrue();
        assertThat(report.getBody().get("importable").asBoolean()).isFalse();
        assertThat(report.getBody().get("invalid").asInt()).isZero();
        assertThat(report.getBody().get("problems")).extracting(p -> p.get("row").asText() + " " + p.get("field").asText()
                + " " + p.get("value").asText() + " " + p.get("kind").asText())
                .containsExactly("milestones[0] targetDate ? UNKNOWN_DATE", "milestones[0] forecastDate ? UNKNOWN_DATE");
        assertThat(storedEvents()).isEqualTo(before);

        ResponseEntity<JsonNode> accepted = post("sco", "sara", resource("import/000-sco-communication.yaml"),
                "application/yaml", "?dryRun=true&acceptFlagged=true");
        assertThat(accepted.getBody().get("importable").asBoolean()).isTrue();
        assertThat(accepted.getBody().get("accepted").asInt()).isEqualTo(2);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void unknownDatesNotAcceptedAre422AndStoreNothingAcceptedTheyAreImportedAsUnknown() {
        String yaml = """
                title: Kommunikation SCÖ
                period: {start: "?", end: 2022-12-31}
                milestones:
                  - {name: Skapa ny hemsida, targetDate: "?", status: O}
                  - {name: Inspelning av verksamhetsfilmer, targetDate: 2021-05-30, forecastDate: okänt, status: G}
                """;
        long before = storedEvents();
        ResponseEntity<JsonNode> refused = post("sco", "sara", yaml, "application/yaml", "");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("problems")).extracting(p -> p.get("row").asText() + "." + p.get("field").asText())
                .containsExactly("plan.period.start", "milestones[0].targetDate", "milestones[1].forecastDate");
        assertThat(refused.getBody().get("errors")).hasSize(3);

        // Accepting some rows is not enough while another row is still flagged.
        ResponseEntity<JsonNode> partly = post("sco", "sara", yaml, "application/yaml", "?accept=plan,milestones[0]");
        assertThat(partly.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(partly.getBody().get("problems")).extracting(p -> p.get("accepted").asBoolean())
                .containsExactly(true, true, false);
        assertThat(storedEvents()).isEqualTo(before);

        ResponseEntity<JsonNode> imported = post("sco", "sara", yaml, "application/yaml", "?accept=plan,milestones[0],milestones[1]");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody().get("accepted").asInt()).isEqualTo(3);
        JsonNode plan = read("sco", imported.getBody().get("planId").asText());
        assertThat(plan.get("periodStart").isNull()).isTrue();
        assertThat(plan.get("milestones").get(0).get("targetDate").isNull()).isTrue();
        assertThat(plan.get("milestones").get(1).get("targetDate").asText()).isEqualTo("2021-05-30");
        assertThat(plan.get("milestones").get(1).get("forecastDate").isNull()).isTrue();
    }

    @Test
    void everyInvalidValueIsReportedByRowAndIsA400EvenWhenFlagsAreAccepted() {
        String yaml = """
                period: {start: 2022-13-01}
                colour: blue
                sections: {FOREWORD: x}
                targetGroups:
                  - {name: Chefer, priority: viktig, scope: INTERNAL}
                  - {name: chefer, priority: PRIMARY, scope: INTERNAL}
                informationProducts: [Nyhetsbrev]
                stakeholders:
                  - {name: Styrgrupp, products: {Protokoll: D, Nyhetsbrev: X}}
                risks:
                  - {description: Ingen hemsida, likelihood: 9}
                milestones:
                  - {name: Kick-off, targetDate: "?", status: G}
                  - {targetDate: 2022-05-24, status: GREEN}
                  - Kick-off
                decided: {date: 2022-02-25, by: Styrelsen}
                """;
        long before = storedEvents();
        ResponseEntity<JsonNode> report = post("vkl", "katja", yaml, "application/yaml", "?dryRun=true&acceptFlagged=true");
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody().get("importable").asBoolean()).isFalse();
        assertThat(report.getBody().get("problems")).extracting(p -> p.get("row").asText() + "." + p.get("field").asText()
                + ":" + p.get("kind").asText()).containsExactlyInAnyOrder(
                "plan.title:INVALID", "plan.period.start:INVALID", "plan.colour:INVALID", "sections.FOREWORD:INVALID",
                "targetGroups[0].priority:INVALID", "targetGroups[1].name:INVALID",
                "stakeholders[0].products.Nyhetsbrev:INVALID", "stakeholders[0].products.Protokoll:INVALID",
                "risks[0].likelihood:INVALID", "milestones[0].targetDate:UNKNOWN_DATE",
                "milestones[1].name:INVALID", "milestones[1].status:INVALID", "milestones[2].:INVALID",
                "decided.date:INVALID");

        ResponseEntity<JsonNode> refused = post("vkl", "katja", yaml, "application/yaml", "?acceptFlagged=true");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("problems")).hasSize(14);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void whatTheAggregateRefusesIsFoundByTheDryRunWithoutStoringAnything() {
        String yaml = """
                title: Kommunikationsplan
                partners: [{association: sco, access: READ}]
                presented: {date: 2022-02-01}
                decided: {date: 2022-01-25, by: Styrelsen}
                """;
        long before = storedEvents();
        ResponseEntity<JsonNode> report = post("sco", "sara", yaml, "application/yaml", "?dryRun=true");
        assertThat(report.getBody().get("problems")).extracting(p -> p.get("row").asText() + "." + p.get("field").asText())
                .containsExactly("partners[0].partnerAssociationId");

        ResponseEntity<JsonNode> refused = post("sco", "sara", yaml.replace("association: sco", "association: ostra"),
                "application/yaml", "");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("problems")).extracting(p -> p.get("row").asText() + "." + p.get("field").asText())
                .containsExactly("decided.decidedOn");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aFailureMidwayStoresAndPublishesNothing() {
        // The database refuses the last milestone's event: the import fails after most of the plan was written.
        jdbc.execute("""
                CREATE FUNCTION refuse_last() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF position(convert_to('Sista milstolpen', 'UTF8') IN NEW.payload) > 0 THEN
                    RAISE EXCEPTION 'disk full';
                  END IF;
                  RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER refuse_last BEFORE INSERT ON domain_event_entry FOR EACH ROW EXECUTE FUNCTION refuse_last()");
        long before = storedEvents();
        try {
            ResponseEntity<JsonNode> failed = post("atomic", "sara", EVERYTHING.replace("Ny hemsida lanserad", "Sista milstolpen"),
                    "application/yaml", "");
            assertThat(failed.getStatusCode().is5xxServerError()).isTrue();
            assertThat(storedEvents()).isEqualTo(before);
        } finally {
            jdbc.execute("DROP TRIGGER refuse_last ON domain_event_entry");
            jdbc.execute("DROP FUNCTION refuse_last()");
        }

        // A later import of the same association is published; nothing of the failed one came before it.
        String later = post("atomic", "sara", "title: Efteråt\n", "application/yaml", "").getBody().get("planId").asText();
        try (TopicReader reader = new TopicReader(TestKafka.get().bootstrapServers(), Topics.PLANS)) {
            reader.await(r -> later.equals(r.key()), 1, Duration.ofSeconds(30));
            List<String> atomic = reader.drain(Duration.ofSeconds(1)).stream()
                    .filter(r -> "atomic".equals(EventJson.read(r.value()).tenantId())).map(r -> r.key()).distinct().toList();
            assertThat(atomic).containsExactly(later);
        }
    }

    @Test
    void anUnreadableBodyIsAProblemSayingWhere() {
        ResponseEntity<JsonNode> broken = post("sco", "sara", "title: Plan\nmilestones: [\n  - name: x", "application/yaml", "");
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(broken.getBody().get("detail").asText()).contains("YAML").contains("line");

        ResponseEntity<JsonNode> twice = post("sco", "sara", "title: Plan\ntitle: Plan igen\n", "application/yaml", "");
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<JsonNode> list = post("sco", "sara", "[1, 2]", MediaType.APPLICATION_JSON_VALUE, "");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyASignedCallerImportsAndTheAssociationIsTheCallers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/yaml"));
        assertThat(http.exchange("/api/plans/imports", HttpMethod.POST, new HttpEntity<>("title: Plan\n", headers),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<JsonNode> smuggled = post("sco", "sara", "title: Plan\nassociationId: vkl\n", "application/yaml", "");
        assertThat(smuggled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String planId = post("sco", "sara", "title: Plan\n", "application/yaml", "").getBody().get("planId").asText();
        assertThat(read("sco", planId).get("associationId").asText()).isEqualTo("sco");
        assertThat(http.exchange("/api/plans/" + planId, HttpMethod.GET, PlanServiceTestSupport.as("vkl", "katja", null),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theImportIsInTheOpenApiDocument() {
        JsonNode docs = http.getForObject("/api/plans/v3/api-docs", JsonNode.class);
        JsonNode operation = docs.get("paths").get("/api/plans/imports").get("post");
        assertThat(operation.get("requestBody").get("content").has("application/yaml")).isTrue();
        assertThat(operation.get("parameters")).extracting(p -> p.get("name").asText())
                .contains("dryRun", "acceptFlagged", "accept");
    }

    private ResponseEntity<JsonNode> post(String association, String user, String body, String contentType, String query) {
        HttpHeaders headers = new HttpHeaders();
        TestIdentity.headers(association, user, "communicator").forEach(headers::set);
        headers.setContentType(MediaType.valueOf(contentType + ";charset=UTF-8"));
        return http.exchange("/api/plans/imports" + query, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private JsonNode read(String association, String planId) {
        return http.exchange("/api/plans/" + planId, HttpMethod.GET, PlanServiceTestSupport.as(association, "reader", null),
                JsonNode.class).getBody();
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static String resource(String name) {
        try (InputStream in = PlanImportApiTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
