package se.samplan.bench;

import jakarta.mail.internet.MimeMessage;
import se.samplan.localstack.LocalStack;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static se.samplan.bench.Bench.log;

/**
 * The fault run behind {@code bench/run faults}: a steady load of commands while each service and
 * then the Kafka broker is killed with SIGKILL and started again, and the SMTP server is stopped for
 * a while; then every accepted command is followed through the event store, Kafka and every
 * projection, and every reminder due to the SMTP server. Writes bench/FAULTS.md.
 */
final class Faults {

    /** How each service is started again: the reminder sweep every 5 s, so reminders fall due during the run. */
    private static final Map<String, String> FAST_SWEEP = Map.of("REMINDER_SWEEP_INTERVAL", "PT5S");
    private static final List<String> VICTIMS = List.of("plan-service", "activity-service", "reporting-service",
            "notification-service", "gateway", "kafka");

    private Faults() {
    }

    static void run(Options options) throws Exception {
        List<String> timeline = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> doubledEmails = new ArrayList<>();
        try (LocalStack stack = BenchStack.start(options.repository(), options.javaOptions())) {
            stack.restart("activity-service", FAST_SWEEP);
            Http http = new Http();
            int associations = 10;
            Map<String, String> responsible = new LinkedHashMap<>();
            for (int a = 0; a < associations; a++) {
                String association = Workload.association(a);
                String admin = stack.tokens().issue(association + "-admin", association, List.of("association-admin"), Duration.ofHours(2));
                String person = "p-" + association;
                Http.Answer answer = http.send("PUT", stack.gatewayUrl() + "/api/notifications/people/" + person,
                        Map.of("Authorization", "Bearer " + admin),
                        Map.of("name", "Ansvarig " + association, "email", person + "@bench.example", "roles", List.of("Kommunikatör")));
                if (!answer.ok()) {
                    throw new IllegalStateException("Registering " + person + ": " + answer.status() + " " + answer.text());
                }
                responsible.put(association, person);
            }
            Workload workload = new Workload(http, stack.gatewayUrl(), true, responsible);
            List<Workload.User> users = workload.setUp(stack.tokens(), associations, 2);
            log("fault run: %d people, load %d commands/s", users.size(), options.faultRate());

            AtomicBoolean loading = new AtomicBoolean(true);
            Thread load = new Thread(() -> {
                try {
                    while (loading.get()) {
                        FixedRate.run(options.faultRate(), Duration.ofSeconds(10), 64, i -> {
                            Workload.User user = users.get(i % users.size());
                            synchronized (user) {
                                return workload.next(user).accepted();
                            }
                        });
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "fault-load");
            load.start();
            Thread.sleep(20_000);
            for (String victim : VICTIMS) {
                stack.kill(victim);
                timeline.add(ZonedDateTime.now().toLocalTime() + " kill -9 " + victim);
                log("killed %s", victim);
                Thread.sleep(5_000);
                stack.restart(victim, victim.equals("activity-service") ? FAST_SWEEP : Map.of());
                timeline.add(ZonedDateTime.now().toLocalTime() + " " + victim + " back");
                log("%s back", victim);
                Thread.sleep(15_000);
            }
            stack.pauseMail();
            timeline.add(ZonedDateTime.now().toLocalTime() + " SMTP server stopped");
            Thread.sleep(30_000);
            stack.resumeMail();
            timeline.add(ZonedDateTime.now().toLocalTime() + " SMTP server started again");
            Thread.sleep(20_000);
            loading.set(false);
            load.join();
            timeline.add(ZonedDateTime.now().toLocalTime() + " load stopped");

            // Let everything settle, every service still running: the last sweeps remind the activities scheduled
            // last, and their events are published. (Stopping activity-service instead would leave what it stored
            // in its last second unpublished until its next start, and count it as missing on Kafka.) Settled:
            // no new record on Kafka for 15 s, reporting and notification caught up, no email pending.
            String reportingDb = BenchStack.jdbc(stack, "reporting");
            String notificationDb = BenchStack.jdbc(stack, "notification");
            long[] lastEnds = {-1};
            long[] unchangedSince = {System.nanoTime()};
            // Every second, not more often: each look opens a Kafka consumer for the topics' ends.
            Bench.await(() -> {
                long ends = Replay.ends(stack.config().kafkaBootstrap());
                if (ends != lastEnds[0]) {
                    lastEnds[0] = ends;
                    unchangedSince[0] = System.nanoTime();
                }
                return System.nanoTime() - unchangedSince[0] > TimeUnit.SECONDS.toNanos(15)
                        && Replay.positions(reportingDb) >= ends && Replay.positions(notificationDb) >= ends
                        && single(notificationDb, "SELECT count(*) FROM outbound_email WHERE status = 'PENDING'") == 0;
            }, 600, Duration.ofSeconds(1));
            timeline.add(ZonedDateTime.now().toLocalTime() + " settled: nothing new on Kafka for 15 s, every consumer caught up");
            check(stack, workload, counts, doubledEmails);
        }
        write(options, timeline, counts, doubledEmails);
    }

    private static void check(LocalStack stack, Workload workload, Map<String, Long> counts, List<String> doubledEmails)
            throws Exception {
        // Accepted commands against the event stores.
        Map<String, Long> acceptedPerChange = new HashMap<>();
        for (Workload.Outcome outcome : workload.accepted) {
            acceptedPerChange.merge(outcome.change().aggregateId() + "|" + outcome.change().type(), 1L, Long::sum);
        }
        Map<String, Long> stored = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        Set<String> storedIds = new HashSet<>();
        for (String database : List.of("plan", "activity")) {
            try (Connection connection = DriverManager.getConnection(BenchStack.jdbc(stack, database), "postgres", "postgres");
                 Statement query = connection.createStatement();
                 ResultSet rs = query.executeQuery("SELECT aggregate_identifier, payload_type, sequence_number, event_identifier FROM domain_event_entry")) {
                while (rs.next()) {
                    String type = rs.getString(2).replaceAll(".*\\.", "");
                    stored.merge(rs.getString(1) + "|" + type, 1L, Long::sum);
                    lastSequence.merge(rs.getString(1), rs.getLong(3), Math::max);
                    storedIds.add(rs.getString(4));
                }
            }
        }
        long lostFromStore = 0;
        long extraInStore = 0;
        for (Map.Entry<String, Long> accepted : acceptedPerChange.entrySet()) {
            long inStore = stored.getOrDefault(accepted.getKey(), 0L);
            lostFromStore += Math.max(0, accepted.getValue() - inStore);
            extraInStore += Math.max(0, inStore - accepted.getValue());
        }
        counts.put("commands accepted (2xx)", (long) workload.accepted.size());
        counts.put("commands with unknown outcome (connection cut, 5xx while a service was down)", workload.unknownOutcome.get());
        counts.put("accepted commands whose event is missing from the event store", lostFromStore);
        counts.put("events in the store beyond the accepted commands (from commands with unknown outcome)", extraInStore);
        counts.put("events in the event stores", (long) storedIds.size());

        // Event stores against Kafka.
        Map<String, Integer> onKafka = kafkaEventIds(stack.config().kafkaBootstrap());
        long missingOnKafka = storedIds.stream().filter(id -> !onKafka.containsKey(id)).count();
        long republished = onKafka.values().stream().mapToLong(n -> n - 1).sum();
        counts.put("stored events missing on Kafka", missingOnKafka);
        counts.put("Kafka records repeating an event already published (at-least-once publishing; consumers drop them)", republished);

        // Kafka against reporting's projections: every aggregate applied up to its last event, each change once.
        String reportingDb = BenchStack.jdbc(stack, "reporting");
        Map<String, Long> applied = map(reportingDb, "SELECT aggregate_id, last_sequence FROM aggregate_position");
        long behind = lastSequence.entrySet().stream().filter(e -> applied.getOrDefault(e.getKey(), -1L) < e.getValue()).count();
        counts.put("aggregates whose last event reporting has not applied", behind);
        long lost = 0;
        long twice = 0;
        Map<String, Long> projected = new HashMap<>();
        projected.putAll(suffix(map(reportingDb, "SELECT plan_id, count(*) FROM milestone_move WHERE kind = 'FORECAST' GROUP BY plan_id"), "MilestoneForecastChanged"));
        projected.putAll(suffix(map(reportingDb, "SELECT plan_id, count(*) FROM plan_risk GROUP BY plan_id"), "RiskAdded"));
        projected.putAll(suffix(map(reportingDb, "SELECT activity_id, count(*) FROM activity_detail GROUP BY activity_id"), "ActivityScheduled"));
        projected.putAll(suffix(map(reportingDb, "SELECT activity_id, count(*) FROM activity_occurrence WHERE status = 'DONE' GROUP BY activity_id"),
                "ActivityOccurrenceCompleted"));
        for (String type : List.of("MilestoneForecastChanged", "RiskAdded", "ActivityScheduled", "ActivityOccurrenceCompleted")) {
            for (Map.Entry<String, Long> entry : stored.entrySet()) {
                if (entry.getKey().endsWith("|" + type)) {
                    long inProjection = projected.getOrDefault(entry.getKey(), 0L);
                    lost += Math.max(0, entry.getValue() - inProjection);
                    twice += Math.max(0, inProjection - entry.getValue());
                }
            }
        }
        counts.put("events lost (stored, not in reporting's projections)", lost);
        counts.put("events applied twice (in reporting's projections more often than stored)", twice);
        String notificationDb = BenchStack.jdbc(stack, "notification");
        Map<String, Long> notified = map(notificationDb, "SELECT aggregate_id, last_sequence FROM aggregate_position");
        long notificationBehind = lastSequence.entrySet().stream().filter(e -> notified.getOrDefault(e.getKey(), -1L) < e.getValue()).count();
        counts.put("aggregates whose last event notification-service has not applied", notificationBehind);

        // Reminders: each reminder event one queued email, each queued email received once.
        long reminderEvents = stored.entrySet().stream().filter(e -> e.getKey().endsWith("|ActivityDueSoon")
                || e.getKey().endsWith("|ActivityOverdue")).mapToLong(Map.Entry::getValue).sum();
        long queued = single(notificationDb, "SELECT count(*) FROM outbound_email WHERE kind IN ('due-soon', 'overdue')");
        Set<String> queuedIds = new HashSet<>(map(notificationDb,
                "SELECT smtp_message_id, 1 FROM outbound_email WHERE status = 'SENT' AND kind IN ('due-soon', 'overdue')").keySet());
        // Each Message-ID with the send time of every copy received: the Date header is set at each attempt.
        Map<String, List<String>> received = new HashMap<>();
        for (MimeMessage message : stack.receivedMail()) {
            received.computeIfAbsent(message.getMessageID(), id -> new ArrayList<>()).add(String.valueOf(message.getSentDate().toInstant()));
        }
        for (Map.Entry<String, List<String>> entry : received.entrySet()) {
            if (entry.getValue().size() > 1 && queuedIds.contains(entry.getKey())) {
                doubledEmails.add(describe(stack, notificationDb, entry.getKey(), entry.getValue()));
            }
        }
        long doubled = received.entrySet().stream().filter(e -> queuedIds.contains(e.getKey())).mapToLong(e -> e.getValue().size() - 1).sum();
        long missing = queuedIds.stream().filter(id -> !received.containsKey(id)).count();
        counts.put("reminder events (ActivityDueSoon, ActivityOverdue) in the event store", reminderEvents);
        counts.put("reminder emails queued", queued);
        counts.put("reminder emails queued but not pending or sent", queued - single(notificationDb,
                "SELECT count(*) FROM outbound_email WHERE kind IN ('due-soon', 'overdue') AND status = 'SENT'"));
        counts.put("reminder emails sent but not received by the SMTP server", missing);
        counts.put("reminder emails received twice or more (extra copies)", doubled);
        counts.put("reminder emails received", received.entrySet().stream().filter(e -> queuedIds.contains(e.getKey()))
                .mapToLong(e -> e.getValue().size()).sum());
    }

    /** A doubled email as the outbox recorded it, when each copy was sent, and what notification-service logged of it. */
    private static String describe(LocalStack stack, String notificationDb, String messageId, List<String> sentAt) throws Exception {
        StringBuilder out = new StringBuilder("`").append(messageId).append("`: copies sent at ").append(String.join(", ", sentAt));
        long id = 0;
        try (Connection connection = DriverManager.getConnection(notificationDb, "postgres", "postgres");
             java.sql.PreparedStatement query = connection.prepareStatement(
                     "SELECT id, kind, attempts, created_at, sent_at FROM outbound_email WHERE smtp_message_id = ?")) {
            query.setString(1, messageId);
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    id = rs.getLong("id");
                    out.append("; outbox email ").append(id).append(" (").append(rs.getString("kind")).append("), ")
                            .append(rs.getInt("attempts")).append(" attempts, queued ").append(rs.getTimestamp("created_at").toInstant())
                            .append(", recorded as sent ").append(rs.getTimestamp("sent_at").toInstant());
                }
            }
        }
        java.nio.file.Path log = stack.config().dataDir().resolve("logs/notification-service.log");
        if (id != 0 && Files.exists(log)) {
            java.util.regex.Pattern mention = java.util.regex.Pattern.compile("email " + id + "\\b");
            try (java.util.stream.Stream<String> lines = Files.lines(log)) {
                lines.filter(line -> mention.matcher(line).find()).forEach(line -> out.append("\n  - log: `").append(line.strip()).append('`'));
            }
        }
        return out.toString();
    }

    private static Map<String, Integer> kafkaEventIds(String bootstrap) throws java.io.IOException {
        Map<String, Integer> ids = new HashMap<>();
        for (Replay.Event event : Replay.read(bootstrap)) {
            ids.merge(Http.JSON.readTree(event.value()).get("eventId").asText(), 1, Integer::sum);
        }
        return ids;
    }

    private static Map<String, Long> suffix(Map<String, Long> counts, String type) {
        Map<String, Long> out = new HashMap<>();
        counts.forEach((id, n) -> out.put(id + "|" + type, n));
        return out;
    }

    private static Map<String, Long> map(String url, String sql) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    static long single(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void write(Options options, List<String> timeline, Map<String, Long> counts, List<String> doubledEmails)
            throws java.io.IOException {
        StringBuilder out = new StringBuilder("# Samplan fault run\n\nProduced by `").append(options.command()).append("` on ")
                .append(ZonedDateTime.now()).append(".\n\nMachine: ").append(Report.machine()).append("\n\n")
                .append("A steady ").append(options.faultRate()).append(" commands/s through the gateway (20 people in 10 associations, ")
                .append("the bench's command mix; every activity has a responsible person with an email address and is due today, ")
                .append("so the reminder sweep, every 5 s, sends reminders throughout), while each service and then the Kafka broker is ")
                .append("killed with SIGKILL, left down 5 s and started again, and then the SMTP server is stopped for 30 s. ")
                .append("Afterwards, with every service running, the run waits until nothing new has reached Kafka for 15 s ")
                .append("(the last sweeps remind the activities scheduled last), reporting and notification have caught up and ")
                .append("no email is pending, and ")
                .append("follows every accepted command through the event store, Kafka and reporting's projections, and every ")
                .append("reminder to the SMTP server.\n\n| count | value |\n| --- | ---: |\n");
        counts.forEach((name, value) -> out.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        if (!doubledEmails.isEmpty()) {
            out.append("\n## Emails received twice\n\n");
            doubledEmails.forEach(line -> out.append("- ").append(line).append('\n'));
        }
        out.append("\n## Timeline\n\n");
        timeline.forEach(line -> out.append("- ").append(line).append('\n'));
        Files.writeString(options.report(), out);
    }
}
