package se.samplan.localstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack/target/samplan-local-stack.jar [--data-dir=…] [--gateway-port=…]}:
 * starts the platform, prints where it is and a token per demo user, and stops it all on Ctrl-C.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        StackConfig config = StackConfig.fromArgs(args, System.getenv(), Path.of("").toAbsolutePath());
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Samplan…");
            stack.close();
            stopped.countDown();
        }, "stop-local-stack"));

        System.out.printf("%nSamplan is up after %.1f s.%n", (System.nanoTime() - started) / 1e9);
        System.out.println("  Dashboard:  " + config.gatewayUrl() + "/   (log in as a demo user below, password "
                + StackConfig.DEV_PASSWORD + ")");
        System.out.println("  Gateway:    " + config.gatewayUrl() + "   (e.g. GET /api/reports/plans)");
        System.out.println("  Sent mail:  http://127.0.0.1:" + config.mailPagePort() + "/");
        System.out.println("  Kafka:      " + config.kafkaBootstrap());
        System.out.println("  PostgreSQL: jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/{plan,activity,reporting,notification} (postgres/postgres)");
        System.out.println("  Data and logs: " + config.dataDir());
        System.out.println("\nDemo users (bearer tokens valid 12 hours):");
        for (JsonNode user : DemoData.users()) {
            List<String> roles = new ArrayList<>();
            user.get("roles").forEach(role -> roles.add(role.asText()));
            String token = stack.tokens().issue(user.get("user").asText(), user.get("association").asText(), roles,
                    Duration.ofHours(12));
            System.out.printf("  %-24s %-24s %s%n", user.get("user").asText(), user.get("association").asText(), token);
        }
        System.out.printf("%nTry: curl -H \"Authorization: Bearer <token>\" %s/api/reports/plans%nCtrl-C stops everything.%n",
                config.gatewayUrl());
        stopped.await();
    }
}
