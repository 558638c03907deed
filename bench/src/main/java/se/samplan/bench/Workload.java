package se.samplan.bench;

import se.samplan.localstack.DevTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plan and activity commands as communicators use them: each person works on their own plan and
 * its activities, one command after the other (a person does not race themselves), in a cycle of
 * schedule an activity, mark it done, move a milestone's forecast, schedule another, add a risk.
 */
final class Workload {

    /** What a command changed, as reporting will announce it: the aggregate and the event type. */
    record Change(String aggregateId, String type) {
    }

    /** One command's outcome: HTTP status (0 when the connection failed) and the change it made. */
    record Outcome(int status, String kind, Change change) {
        boolean accepted() {
            return status / 100 == 2;
        }
    }

    /** A person with their own plan and milestone. */
    static final class User {
        final String association;
        final String name;
        final String token;
        String planId;
        String planEtag;
        String milestoneId;
        String activityId;
        String activityEtag;
        boolean activityDone = true;
        int step;
        int forecastMoves;
        long activities;

        User(String association, String name, String token) {
            this.association = association;
            this.name = name;
            this.token = token;
        }
    }

    /** Every accepted command's change, when recording (the fault run checks each of them afterwards). */
    final ConcurrentLinkedQueue<Outcome> accepted = new ConcurrentLinkedQueue<>();
    final AtomicLong unknownOutcome = new AtomicLong();
    final Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    private final Http http;
    private final String gateway;
    private final List<User> users = new ArrayList<>();
    private final boolean record;
    private final LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Stockholm"));
    /** Person id that reminders go to, per association, or none. */
    private final Map<String, String> responsible;

    Workload(Http http, String gateway, boolean record, Map<String, String> responsible) {
        this.http = http;
        this.gateway = gateway;
        this.record = record;
        this.responsible = responsible;
    }

    static String association(int index) {
        return "bench-a%02d".formatted(index);
    }

    /** Makes the people, each with a plan and a milestone; waits until activity-service knows every plan. */
    List<User> setUp(DevTokens tokens, int associations, int usersPerAssociation) throws InterruptedException {
        for (int a = 0; a < associations; a++) {
            for (int u = 0; u < usersPerAssociation; u++) {
                String association = association(a);
                String name = association + "-u" + u;
                users.add(new User(association, name, tokens.issue(name, association, List.of("communicator"), Duration.ofHours(6))));
            }
        }
        users.parallelStream().forEach(this::createPlan);
        for (User user : users) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            Outcome first;
            do {
                first = schedule(user);
                if (!first.accepted()) {
                    Thread.sleep(200);
                }
            } while (!first.accepted() && System.nanoTime() < deadline);
            if (!first.accepted()) {
                throw new IllegalStateException("activity-service never accepted an activity on " + user.planId);
            }
        }
        accepted.clear();
        return users;
    }

    private void createPlan(User user) {
        Http.Answer plan = http.send("POST", gateway + "/api/plans", auth(user), Map.of("title", "Kommunikationsplan " + user.name,
                "periodStart", today.withDayOfYear(1).toString(), "periodEnd", today.withDayOfYear(1).plusYears(2).minusDays(1).toString()));
        require(plan);
        user.planId = plan.body().get("planId").asText();
        Http.Answer milestone = http.send("POST", gateway + "/api/plans/" + user.planId + "/milestones", auth(user, plan.etag()),
                Map.of("name", "Ny webbplats lanserad", "targetDate", today.plusDays(90).toString(),
                        "forecastDate", today.plusDays(90).toString(), "status", "G"));
        require(milestone);
        user.planEtag = milestone.etag();
        user.milestoneId = milestone.location().replaceAll(".*/", "");
    }

    List<User> users() {
        return users;
    }

    /** The user's next command, run now (the caller holds the user). */
    Outcome next(User user) {
        Outcome outcome = switch (user.step++ % 5) {
            case 1 -> user.activityDone ? schedule(user) : complete(user);
            case 2 -> moveForecast(user);
            case 4 -> addRisk(user);
            default -> schedule(user);
        };
        statuses.computeIfAbsent(outcome.status(), s -> new AtomicLong()).incrementAndGet();
        if (outcome.status() == 0 || outcome.status() >= 500) {
            // Cut or failed at a gateway whose service was down: it may or may not have happened.
            unknownOutcome.incrementAndGet();
        }
        if (record && outcome.accepted()) {
            accepted.add(outcome);
        }
        return outcome;
    }

    Outcome schedule(User user) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("planId", user.planId,
                "title", "Aktivitet " + (++user.activities) + " " + user.name,
                // Due soon enough for today's reminder sweep when someone answers for it; far enough otherwise.
                "schedule", Map.of("kind", "DATE", "date", (responsible.containsKey(user.association) ? today
                        : today.plusDays(30 + user.activities % 300)).toString())));
        if (responsible.containsKey(user.association)) {
            body.put("responsible", List.of(Map.of("kind", "PERSON", "ref", responsible.get(user.association))));
        }
        Http.Answer answer = http.send("POST", gateway + "/api/activities", auth(user), body);
        if (!answer.ok()) {
            return new Outcome(answer.status(), "schedule", null);
        }
        user.activityId = answer.body().get("activityId").asText();
        user.activityEtag = answer.etag();
        user.activityDone = false;
        return new Outcome(answer.status(), "schedule", new Change(user.activityId, "ActivityScheduled"));
    }

    private Outcome complete(User user) {
        Http.Answer answer = http.send("POST", gateway + "/api/activities/" + user.activityId + "/occurrences/once/completion",
                auth(user, user.activityEtag), Map.of("doneOn", today.toString(), "outcome", "Genomförd", "costSek", 1200));
        if (answer.status() == 409 || answer.status() == 412) {
            // A reminder appended to the activity since it was read: read it again, as the dashboard does.
            Http.Answer read = http.send("GET", gateway + "/api/activities/" + user.activityId, auth(user), null);
            user.activityEtag = read.etag();
        }
        if (!answer.ok()) {
            return new Outcome(answer.status(), "complete", null);
        }
        user.activityDone = true;
        user.activityEtag = answer.etag();
        return new Outcome(answer.status(), "complete", new Change(user.activityId, "ActivityOccurrenceCompleted"));
    }

    private Outcome moveForecast(User user) {
        Http.Answer answer = http.send("PUT", gateway + "/api/plans/" + user.planId + "/milestones/" + user.milestoneId + "/forecast",
                auth(user, user.planEtag), Map.of("date", today.plusDays(91 + (++user.forecastMoves)).toString(),
                        "reason", "Leverantören behöver mer tid"));
        return planChange(user, answer, "forecast", "MilestoneForecastChanged");
    }

    private Outcome addRisk(User user) {
        Http.Answer answer = http.send("POST", gateway + "/api/plans/" + user.planId + "/risks", auth(user, user.planEtag),
                Map.of("description", "Nyckelperson slutar", "mitigation", "Dokumentera rutinerna", "likelihood", 2, "impact", 3));
        return planChange(user, answer, "risk", "RiskAdded");
    }

    private Outcome planChange(User user, Http.Answer answer, String kind, String type) {
        if (answer.status() == 409 || answer.status() == 412 || answer.status() == 0 || answer.status() >= 500) {
            // Unknown or stale version: read the plan again before the next change.
            Http.Answer read = http.send("GET", gateway + "/api/plans/" + user.planId, auth(user), null);
            if (read.ok()) {
                user.planEtag = read.etag();
            }
        }
        if (!answer.ok()) {
            return new Outcome(answer.status(), kind, null);
        }
        user.planEtag = answer.etag();
        return new Outcome(answer.status(), kind, new Change(user.planId, type));
    }

    static Map<String, String> auth(User user) {
        return Map.of("Authorization", "Bearer " + user.token);
    }

    static Map<String, String> auth(User user, String etag) {
        return etag == null ? auth(user) : Map.of("Authorization", "Bearer " + user.token, "If-Match", etag);
    }

    static void require(Http.Answer answer) {
        if (!answer.ok()) {
            throw new IllegalStateException("Request failed: " + answer.status() + " " + answer.text());
        }
    }
}
