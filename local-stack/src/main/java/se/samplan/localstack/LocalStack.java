package se.samplan.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole platform on one machine without Docker: PostgreSQL, a Kafka broker and an SMTP server,
 * then the four services and the gateway, each as its own process, started in order and waited for
 * until healthy. {@link #close()} stops everything in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(4);

    /** Service name to jar name and port. */
    private record Service(String name, int port) {
    }

    private final StackConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    /** Once: a shutdown hook may close a stack that its owner closes as well. */
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, Map<String, String>> serviceEnvironments = new HashMap<>();
    private EmbeddedPostgres postgres;
    private ManagedProcess kafka;
    private MailCatcher mail;

    private LocalStack(StackConfig config) {
        this.config = config;
    }

    /** Starts everything and returns once every health check answers UP. */
    public static LocalStack start(StackConfig config) throws Exception {
        LocalStack stack = new LocalStack(config);
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Files.createDirectories(config.dataDir().resolve("logs"));
        long started = System.nanoTime();
        postgres = Postgres.start(config);
        log.info("PostgreSQL up on port {}", config.postgresPort());
        kafka = KafkaBroker.start(config);
        log.info("Kafka up at {}", config.kafkaBootstrap());
        mail = new MailCatcher(config);
        log.info("SMTP on port {}, sent mail at http://127.0.0.1:{}/", config.smtpPort(), config.mailPagePort());

        List<Service> all = services();
        for (Service service : all) {
            serviceEnvironments.put(service.name(), environment(service));
            startService(service.name(), Map.of());
        }
        List<CompletableFuture<Void>> health = new ArrayList<>();
        for (Service service : all) {
            health.add(CompletableFuture.runAsync(() -> awaitHealthy(service.name())));
        }
        CompletableFuture.allOf(health.toArray(CompletableFuture[]::new)).join();
        log.info("Every service is healthy after {} s", (System.nanoTime() - started) / 1_000_000_000);
        if (config.demoData()) {
            DemoData.loadOnce(this);
        }
    }

    private List<Service> services() {
        return List.of(
                new Service("plan-service", config.planPort()),
                new Service("activity-service", config.activityPort()),
                new Service("reporting-service", config.reportingPort()),
                new Service("notification-service", config.notificationPort()),
                new Service("gateway", config.gatewayPort()));
    }

    private Map<String, String> environment(Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", String.valueOf(service.port()));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("IDENTITY_SECRET", config.identitySecret());
        String database = switch (service.name()) {
            case "plan-service" -> "plan";
            case "activity-service" -> "activity";
            case "reporting-service" -> "reporting";
            case "notification-service" -> "notification";
            default -> null;
        };
        if (database != null) {
            env.put("DATABASE_URL", Postgres.url(config, database));
            env.put("DATABASE_USER", "postgres");
            env.put("DATABASE_PASSWORD", "postgres");
            env.put("KAFKA_BOOTSTRAP", config.kafkaBootstrap());
        }
        if (service.name().equals("notification-service")) {
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(config.smtpPort()));
            env.put("PUBLIC_URL", config.gatewayUrl());
            // The member directory, asked for an invited member's address when the invitation is sent.
            env.put("PLAN_SERVICE_URL", "http://127.0.0.1:" + config.planPort());
        }
        if (service.name().equals("gateway")) {
            env.put("DEV_SIGNING_KEY", config.devSigningKey());
            env.put("DEV_USERS", devUsers());
            env.put("DEV_PASSWORD", StackConfig.DEV_PASSWORD);
            env.put("PLAN_SERVICE_URL", "http://127.0.0.1:" + config.planPort());
            env.put("ACTIVITY_SERVICE_URL", "http://127.0.0.1:" + config.activityPort());
            env.put("REPORTING_SERVICE_URL", "http://127.0.0.1:" + config.reportingPort());
            env.put("NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + config.notificationPort());
        }
        return env;
    }

    /** The demo users and any the configuration adds, as the gateway's development login reads them. */
    private String devUsers() {
        StringBuilder users = new StringBuilder();
        try {
            for (JsonNode user : DemoData.users()) {
                List<String> roles = new ArrayList<>();
                user.get("roles").forEach(role -> roles.add(role.asText()));
                users.append(user.get("user").asText()).append('=').append(user.get("association").asText()).append(':')
                        .append(String.join(",", roles)).append(';');
            }
        } catch (Exception e) {
            throw new IllegalStateException("The demo users could not be read", e);
        }
        return users.append(config.extraDevUsers()).toString();
    }

    private void startService(String name, Map<String, String> extraEnvironment) throws IOException {
        Path jar = config.servicesDir().resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build first (./mvnw -B -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaBinary());
        command.addAll(List.of(config.serviceJavaOptions().trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> env = new HashMap<>(serviceEnvironments.get(name));
        env.putAll(extraEnvironment);
        services.put(name, ManagedProcess.start(name, command, env, config.dataDir(), config.dataDir().resolve("logs")));
    }

    private void awaitHealthy(String name) {
        ManagedProcess process = services.get(name);
        String url = serviceUrl(name) + "/actuator/health";
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + process.log()
                        + "; it ended with:\n" + tail(process.log(), 40));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    log.info("{} is healthy", name);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " was not healthy within " + HEALTH_TIMEOUT + "; see " + process.log());
    }

    /** The last lines of a log, so a failure in CI shows its cause even after the data directory is gone. */
    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops one service, or the Kafka broker ({@code kafka}), and starts it again (also after a
     * {@link #kill}), with extra environment for this run of a service only; waits until it is ready.
     */
    public void restart(String name, Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        if (name.equals("kafka")) {
            kafka.stop(30);
            kafka = KafkaBroker.start(config);
            return;
        }
        services.get(name).stop(30);
        startService(name, extraEnvironment);
        awaitHealthy(name);
    }

    /** Kills a service or the Kafka broker ({@code kafka}) with SIGKILL, as a crash would. */
    public void kill(String name) {
        if (name.equals("kafka")) {
            kafka.kill();
        } else {
            services.get(name).kill();
        }
    }

    /** Stops a service gently (SIGTERM, then SIGKILL after 30 s). */
    public void stop(String name) {
        services.get(name).stop(30);
    }

    /** Stops the SMTP server, as an outage would; {@link #resumeMail()} starts it again. Mail received stays. */
    public void pauseMail() {
        mail.pause();
    }

    public void resumeMail() {
        mail.resume();
    }

    /** Every process of the stack by name: the services, {@code kafka}, {@code postgres} and this JVM ({@code launcher}, with SMTP). */
    public Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((name, process) -> pids.put(name, process.pid()));
        if (kafka != null) {
            pids.put("kafka", kafka.pid());
        }
        try {
            pids.put("postgres", Long.parseLong(Files.readAllLines(config.dataDir().resolve("postgres/postmaster.pid")).get(0).trim()));
        } catch (IOException | RuntimeException ignored) {
            // not running
        }
        pids.put("launcher", ProcessHandle.current().pid());
        return pids;
    }

    public String serviceUrl(String name) {
        return "http://127.0.0.1:" + services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name)).port();
    }

    public String gatewayUrl() {
        return config.gatewayUrl();
    }

    public StackConfig config() {
        return config;
    }

    public DevTokens tokens() {
        return new DevTokens(config.devSigningKey());
    }

    public List<MimeMessage> receivedMail() {
        return mail.received();
    }

    JsonNode post(String path, String token, Object body) throws IOException, InterruptedException {
        return send("POST", path, token, body);
    }

    JsonNode put(String path, String token, Object body) throws IOException, InterruptedException {
        return send("PUT", path, token, body);
    }

    JsonNode get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null);
    }

    JsonNode send(String method, String path, String token, Object body) throws IOException, InterruptedException {
        return send(method, path, token, body, null);
    }

    /** A request through the gateway; {@code ifMatch} (when not null) names the version read. */
    JsonNode send(String method, String path, String token, Object body, String ifMatch) throws IOException, InterruptedException {
        ObjectMapper mapper = new ObjectMapper();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return mapper.readTree(response.body());
    }

    static InputStream resource(String name) {
        InputStream in = LocalStack.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + name);
        }
        return in;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<ManagedProcess> running = new ArrayList<>(services.values());
        java.util.Collections.reverse(running);
        running.parallelStream().forEach(process -> process.stop(30));
        if (kafka != null) {
            kafka.stop(30);
        }
        if (mail != null) {
            mail.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("PostgreSQL did not stop cleanly", e);
            }
        }
    }

    /**
     * Deletes the data directory of a stack that has been closed: for the throwaway stacks of tests and
     * benchmarks, whose data (a database, a Kafka log) would otherwise stay behind in the temp directory.
     */
    public void deleteData() {
        try {
            deleteTree(config.dataDir());
        } catch (IOException e) {
            log.warn("Could not delete {}", config.dataDir(), e);
        }
    }

    /** A directory and everything in it, deepest first. */
    static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
