package se.samplan.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo data, the five source documents in the import format, loaded the way the local stack
 * loads it on first start, into the shared platform. Its associations get a prefix so that the
 * other end-to-end classes (which count SCÖ's plans and listen to Östra's changes) see nothing of it.
 * What each plan reads back through the gateway is counted against the documents.
 */
class DemoDataIT {

    private static final String PREFIX = "demo-it-";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();
    private static LocalStack stack;
    private static Map<String, DemoData.Loaded> loaded;

    /** What each document has, as the plan reads back: counts per item kind, and activities. */
    private record Expected(String importer, String title, int goals, int audiences, int targetGroups, int channels,
                            int keyMessages, int risks, int stakeholders, int checklist, int milestones, int partners,
                            int activities) {
    }

    private static final Map<String, Expected> DOCUMENTS = Map.of(
            "sco", new Expected("sara.kommunikator", "Kommunikation SCÖ 2021–2022", 0, 0, 2, 7, 0, 1, 0, 0, 4, 2, 7),
            "vkl", new Expected("katja.projektledare", "Kommunikationsplan Barn och unga i fokus", 3, 0, 13, 7, 0, 0, 11, 8, 0, 0, 5),
            "finsam-lekeberg-orebro", new Expected("lena.forbundschef", "Kommunikationsplan Finsam Lekeberg och Örebro",
                    5, 4, 5, 6, 0, 0, 0, 0, 0, 0, 6),
            "sll-projektkontor", new Expected("johan.projektledare", "Kommunikationsplan för eHälsalyftet", 5, 1, 9, 7, 2, 4, 0, 0, 1, 0, 9),
            "regionforbundet-kalmar", new Expected("christer.projektagare", "Projektplan med kommunikationsplan: E-serviceverkstad",
                    1, 0, 7, 8, 8, 0, 0, 0, 4, 1, 14));

    @BeforeAll
    static void load() throws Exception {
        stack = SharedStack.get();
        loaded = DemoData.loadOnce(stack, PREFIX).stream()
                .collect(Collectors.toMap(l -> l.association().substring(PREFIX.length()), l -> l));
        // activity-service lists activities from its own projection, a moment after the import.
        for (var demo : loaded.entrySet()) {
            String token = token(DOCUMENTS.get(demo.getKey()).importer(), demo.getKey());
            await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/activities?planId=" + demo.getValue().planId(), token)
                    .size() == demo.getValue().activityIds().size());
        }
    }

    @Test
    void everyDocumentIsAPlanWithWhatTheDocumentHasAndItsActivityTable() throws Exception {
        assertThat(loaded).containsOnlyKeys(DOCUMENTS.keySet());
        for (var document : DOCUMENTS.entrySet()) {
            Expected expected = document.getValue();
            DemoData.Loaded demo = loaded.get(document.getKey());
            String token = token(expected.importer(), document.getKey());
            JsonNode plan = get("/api/plans/" + demo.planId(), token);
            assertThat(plan.get("associationId").asText()).isEqualTo(PREFIX + document.getKey());
            assertThat(plan.get("title").asText()).isEqualTo(expected.title());
            assertThat(plan.get("ownerId").asText()).isEqualTo(expected.importer());
            assertThat(List.of(plan.get("goals").size(), plan.get("audiences").size(), plan.get("targetGroups").size(),
                    plan.get("channels").size(), plan.get("keyMessages").size(), plan.get("risks").size(),
                    plan.get("stakeholders").size(), plan.get("checklist").size(), plan.get("milestones").size(),
                    plan.get("partners").size()))
                    .as(document.getKey())
                    .containsExactly(expected.goals(), expected.audiences(), expected.targetGroups(), expected.channels(),
                            expected.keyMessages(), expected.risks(), expected.stakeholders(), expected.checklist(),
                            expected.milestones(), expected.partners());
            assertThat(demo.activityIds()).as(document.getKey()).hasSize(expected.activities());
            assertThat(get("/api/activities?planId=" + demo.planId(), token)).as(document.getKey()).hasSize(expected.activities());
            // The projection the dashboards read has them all too.
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    get("/api/reports/plans/" + demo.planId(), token).get("activities").asInt() == expected.activities());
        }

        // 002's audiences carry know / feel / act as written.
        JsonNode finsam = get("/api/plans/" + loaded.get("finsam-lekeberg-orebro").planId(),
                token("lena.forbundschef", "finsam-lekeberg-orebro"));
        JsonNode managers = finsam.get("audiences").get(0);
        assertThat(managers.get("name").asText()).isEqualTo("Chefer hos parterna");
        assertThat(managers.get("act").asText()).startsWith("Chefer, inom berörda parter, ska ansvara för att information sprids");
        // 001's stakeholder matrix: the steering group takes part in meetings and gets minutes on paper.
        JsonNode vkl = get("/api/plans/" + loaded.get("vkl").planId(), token("katja.projektledare", "vkl"));
        assertThat(vkl.get("stakeholderMatrix").toString()).contains("\"stakeholder\":\"Styrgrupp\"");
        assertThat(StreamSupport.stream(vkl.get("stakeholderMatrix").spliterator(), false)
                .filter(row -> row.get("stakeholder").asText().equals("Styrgrupp")).findFirst().orElseThrow()
                .get("cells").toString()).contains("\"D\"", "\"P\"", "\"E\"");
    }

    @Test
    void theAmbiguousValuesOfTheDocumentsWereFlaggedAndImportedAsNotKnown() throws Exception {
        // 002: "Förnyelse av hemsida" has no date and the budget "30 0000 kr" (30 000 or 300 000?).
        DemoData.Loaded finsam = loaded.get("finsam-lekeberg-orebro");
        assertThat(problems(finsam.activityDryRun())).containsExactlyInAnyOrder(
                "7 when  UNKNOWN_DATE", "7 budget 30 0000 kr AMBIGUOUS_AMOUNT");
        JsonNode website = StreamSupport.stream(get("/api/activities?planId=" + finsam.planId(),
                        token("lena.forbundschef", "finsam-lekeberg-orebro")).spliterator(), false)
                .filter(a -> a.get("title").asText().equals("Förnyelse av hemsida")).findFirst().orElseThrow();
        assertThat(website.get("budgetSek").isNull()).isTrue();
        assertThat(website.get("comment").asText()).contains("Aktiviteter för 2022-2023", "budget \"30 0000 kr\"");

        // 000: two milestone dates are "?"; "Delta i Finsam-kampanj, oklart när".
        DemoData.Loaded sco = loaded.get("sco");
        assertThat(problems(sco.planDryRun())).containsExactlyInAnyOrder(
                "milestones[0] targetDate ? UNKNOWN_DATE", "milestones[0] forecastDate ? UNKNOWN_DATE");
        assertThat(problems(sco.activityDryRun())).containsExactly("6 when oklart UNKNOWN_DATE");
        JsonNode unknownWebsite = get("/api/plans/" + sco.planId(), token("sara.kommunikator", "sco")).get("milestones").get(0);
        assertThat(unknownWebsite.get("name").asText()).isEqualTo("Skapa ny hemsida");
        assertThat(unknownWebsite.get("targetDate").isNull()).isTrue();

        // 004: checkpoints in "januari", "april" and "augusti" have no day; the report to the steering
        // group is "inför styrgruppsmöten", a milestone the plan does not have.
        DemoData.Loaded kalmar = loaded.get("regionforbundet-kalmar");
        assertThat(problems(kalmar.planDryRun())).containsExactlyInAnyOrder("milestones[1] targetDate ? UNKNOWN_DATE",
                "milestones[2] targetDate ? UNKNOWN_DATE", "milestones[3] targetDate ? UNKNOWN_DATE");
        assertThat(problems(kalmar.activityDryRun())).containsExactly("15 when Inför styrgruppsmöten UNKNOWN_MILESTONE");

        // 001 and 003 have nothing ambiguous once their days have years.
        assertThat(problems(loaded.get("vkl").activityDryRun())).isEmpty();
        assertThat(problems(loaded.get("sll-projektkontor").activityDryRun())).isEmpty();
    }

    @Test
    void activitiesKeepTheDocumentsWordsForWhenAndFollowTheirMilestones() throws Exception {
        String johan = token("johan.projektledare", "sll-projektkontor");
        List<JsonNode> activities = StreamSupport.stream(get("/api/activities?planId="
                + loaded.get("sll-projektkontor").planId(), johan).spliterator(), false).toList();
        Map<String, String> kinds = activities.stream().collect(Collectors.toMap(a -> a.get("title").asText(),
                a -> a.get("schedule").get("kind").asText() + " " + a.get("schedule").get("text").asText()));
        assertThat(kinds).containsEntry("Film: \"vad är eHälsa?\"", "MILESTONE Inför kick-off")
                .containsEntry("Kick-off, intervjuer med PHL", "DATE 24 maj 2016")
                .containsEntry("Nyhetsbrev till PHL/UL månadsvis", "ONGOING Pågående");

        String lena = token("lena.forbundschef", "finsam-lekeberg-orebro");
        Map<String, String> finsam = StreamSupport.stream(get("/api/activities?planId="
                        + loaded.get("finsam-lekeberg-orebro").planId(), lena).spliterator(), false)
                .collect(Collectors.toMap(a -> a.get("title").asText(),
                        a -> a.get("schedule").get("kind").asText() + " " + a.get("occurrences").size()));
        assertThat(finsam).containsEntry("Information via del- och helårsrapport, muntlig information", "RECURRING 4")
                .containsEntry("Muntlig information på arbetsplatsträffar eller motsvarande om finansierade insatser", "PER_MEMBER 5");
    }

    @Test
    void scosDecember2021ReportIsSubmittedAndItsPlanSharedWithTheSisterAssociations() throws Exception {
        DemoData.Loaded sco = loaded.get("sco");
        String sara = token("sara.kommunikator", "sco");
        JsonNode reports = get("/api/reports/plans/" + sco.planId() + "/status-reports", sara);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("reportId").asText()).isEqualTo(sco.reportId());
        assertThat(reports.get(0).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(reports.get(0).get("overall").asText()).isEqualTo("G");
        JsonNode status = StreamSupport.stream(get("/api/reports/status", sara).spliterator(), false)
                .filter(p -> p.get("planId").asText().equals(sco.planId())).findFirst().orElseThrow();
        assertThat(status.get("ratings").toString()).contains("\"RISK_MANAGEMENT\":\"O\"");

        // Östra's communicator sees SCÖ's plan in the portfolio, to read.
        String oskar = token("oskar.kommunikator", "samordningsforbundet-ostra-ostergotland");
        await().atMost(Duration.ofSeconds(60)).until(() -> StreamSupport.stream(get("/api/reports/portfolio", oskar)
                .spliterator(), false).anyMatch(p -> p.get("planId").asText().equals(sco.planId())
                && p.get("access").asText().equals("READ")));
    }

    @Test
    void theDemoUsersAreInTheirDirectoriesAndASecondStartLoadsNothing() throws Exception {
        String admin = stack.tokens().issue("it-admin", PREFIX + "sco", List.of("association-admin"), Duration.ofMinutes(5));
        JsonNode people = get("/api/notifications/people", admin);
        assertThat(people.toString()).contains("sara.kommunikator", "Förbundschef", "Styrelseledamot");
        assertThat(DemoData.loadOnce(stack, PREFIX)).isEmpty();
    }

    @Test
    void everyDemoAssociationIsRegisteredWithItsUsersAsMembersWhoLogInWithTheDirectorysRoles() throws Exception {
        String operator = stack.tokens().issue("demo-it-operator", "platform", List.of("platform-admin"), Duration.ofMinutes(5));
        for (JsonNode association : DemoData.associations()) {
            String id = PREFIX + association.get("association").asText();
            assertThat(get("/api/associations/" + id, operator).get("kind").asText()).isEqualTo(association.get("kind").asText());
            List<String> expected = StreamSupport.stream(association.get("users").spliterator(), false)
                    .map(u -> PREFIX + u.get("user").asText() + " " + u.get("roles")).toList();
            assertThat(StreamSupport.stream(get("/api/associations/" + id + "/members", operator).spliterator(), false)
                    .map(m -> m.get("memberId").asText() + " " + m.get("roles")).toList()).as(id)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }

        // Lena logs in to the dashboard by her address: the token has the directory's association and roles.
        String address = PREFIX + "lena.forbundschef@" + PREFIX + "finsam-lekeberg-orebro.samplan.local";
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/auth/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("username", address,
                        "password", StackConfig.DEV_PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode session = json.readTree(login.body());
        assertThat(session.get("user").asText()).isEqualTo(PREFIX + "lena.forbundschef");
        assertThat(session.get("association").asText()).isEqualTo(PREFIX + "finsam-lekeberg-orebro");
        assertThat(session.get("roles").toString()).isEqualTo("[\"association-admin\"]");
        JsonNode members = get("/api/associations/" + PREFIX + "finsam-lekeberg-orebro/members", session.get("access_token").asText());
        assertThat(StreamSupport.stream(members.spliterator(), false)
                .filter(m -> m.get("memberId").asText().equals(PREFIX + "lena.forbundschef")).findFirst().orElseThrow()
                .get("status").asText()).isEqualTo("ACTIVE");
        // Her invitation reached the mail server in Swedish.
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.receivedMail().stream().anyMatch(mail -> {
            try {
                return mail.getAllRecipients()[0].toString().equals(address)
                        && mail.getSubject().equals("Inbjudan till Finsam Lekeberg och Örebro i Samplan");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }));
    }

    private static List<String> problems(JsonNode dryRun) {
        return StreamSupport.stream(dryRun.get("problems").spliterator(), false)
                .map(p -> p.get("row").asText() + " " + p.get("field").asText() + " " + p.path("value").asText("")
                        + " " + p.get("kind").asText())
                .toList();
    }

    /** A token of a demo user, with the roles the demo gives them, in the test's prefixed association. */
    private static String token(String user, String association) throws Exception {
        JsonNode demoUser = DemoData.users().stream().filter(u -> u.get("user").asText().equals(user)).findFirst().orElseThrow();
        assertThat(demoUser.get("association").asText()).isEqualTo(association);
        List<String> roles = StreamSupport.stream(demoUser.get("roles").spliterator(), false).map(JsonNode::asText).toList();
        return stack.tokens().issue(user, PREFIX + association, roles, Duration.ofMinutes(10));
    }

    private static JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
