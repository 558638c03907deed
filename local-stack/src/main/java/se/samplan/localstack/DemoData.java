package se.samplan.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The five demo associations of the source documents, their plans and some activities, created
 * through the gateway like any user would, on the stack's first start only.
 */
final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private DemoData() {
    }

    static void loadOnce(LocalStack stack) throws Exception {
        Path marker = stack.config().dataDir().resolve("demo-data-loaded");
        if (Files.exists(marker)) {
            return;
        }
        JsonNode plans;
        try (InputStream in = LocalStack.resource("/demo/plans.json")) {
            plans = new ObjectMapper().readTree(in);
        }
        for (JsonNode plan : plans) {
            List<String> roles = new ArrayList<>();
            plan.get("roles").forEach(role -> roles.add(role.asText()));
            String token = stack.tokens().issue(plan.get("user").asText(), plan.get("association").asText(), roles,
                    Duration.ofMinutes(10));
            // The demo user in the association's directory, so reminders reach them (sent mail page).
            String admin = stack.tokens().issue("demo-admin", plan.get("association").asText(), List.of("association-admin"),
                    Duration.ofMinutes(10));
            stack.put("/api/notifications/people/" + plan.get("user").asText(), admin, plan.get("person"));
            Map<String, Object> body = new HashMap<>();
            body.put("title", plan.get("title").asText());
            body.put("periodStart", plan.get("periodStart").isNull() ? null : plan.get("periodStart").asText());
            body.put("periodEnd", plan.get("periodEnd").isNull() ? null : plan.get("periodEnd").asText());
            String planId = stack.post("/api/plans", token, body).get("planId").asText();
            for (JsonNode activity : plan.get("activities")) {
                Map<String, Object> activityBody = new HashMap<>();
                activityBody.put("planId", planId);
                activityBody.put("title", activity.get("title").asText());
                activityBody.put("schedule", activity.get("schedule"));
                activityBody.put("responsible", activity.get("responsible"));
                stack.post("/api/activities", token, activityBody);
            }
            if (plan.has("milestones")) {
                long sequence = 0;
                for (JsonNode milestone : plan.get("milestones")) {
                    sequence = stack.send("POST", "/api/plans/" + planId + "/milestones", token, milestone, "\"" + sequence + "\"")
                            .get("sequence").asLong();
                }
                for (JsonNode partner : plan.path("partners")) {
                    sequence = stack.send("PUT", "/api/plans/" + planId + "/partners/" + partner.asText(), token,
                            Map.of("access", "READ"), "\"" + sequence + "\"").get("sequence").asLong();
                }
            }
            if (plan.has("report")) {
                statusReport(stack, token, planId, plan.get("milestones").size(), plan.get("report"));
            }
        }
        Files.writeString(marker, "loaded\n");
        log.info("Demo data loaded: {} plans", plans.size());
    }

    /**
     * The status report of the source documents (000: SCÖ, December 2021), opened as a draft once
     * reporting has the plan's milestones, written as the document says it, and submitted.
     */
    private static void statusReport(LocalStack stack, String token, String planId, int milestones, JsonNode report) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (stack.get("/api/reports/plans/" + planId + "/milestones", token).size() < milestones) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Reporting did not get the demo plan's milestones within a minute");
            }
            Thread.sleep(250);
        }
        JsonNode draft = stack.post("/api/reports/plans/" + planId + "/status-reports", token, Map.of("period",
                report.get("period").asText(), "title", report.get("title").asText(), "recipient", report.get("recipient").asText()));
        String path = "/api/reports/status-reports/" + java.net.URLEncoder.encode(draft.get("reportId").asText(),
                java.nio.charset.StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.node.ObjectNode content = draft.get("content").deepCopy();
        content.set("results", report.get("results"));
        content.set("plannedActions", report.get("plannedActions"));
        content.set("userPerspective", report.get("userPerspective"));
        content.set("openQuestions", report.get("openQuestions"));
        content.get("parameters").forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p)
                .put("rating", report.get("ratings").get(p.get("parameter").asText()).asText()));
        JsonNode edited = stack.send("PUT", path, token, Map.of("content", content), "\"" + draft.get("version").asLong() + "\"");
        stack.send("POST", path + "/submission", token, null, "\"" + edited.get("version").asLong() + "\"");
    }

    /** The demo users, one per association, as the README lists them. */
    static List<JsonNode> users() throws Exception {
        try (InputStream in = LocalStack.resource("/demo/plans.json")) {
            List<JsonNode> users = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(users::add);
            return users;
        }
    }
}
