package se.samplan.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its data and which loopback ports it uses. Every field has a flag
 * ({@code --data-dir=…}, {@code --gateway-port=…}) and an environment variable
 * ({@code SAMPLAN_DATA_DIR}, {@code SAMPLAN_GATEWAY_PORT}…).
 */
public record StackConfig(
        Path dataDir,
        Path servicesDir,
        Path libDir,
        int gatewayPort,
        int planPort,
        int activityPort,
        int reportingPort,
        int notificationPort,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int smtpPort,
        int mailPagePort,
        String devSigningKey,
        String identitySecret,
        String serviceJavaOptions,
        boolean demoData,
        String extraDevUsers) {

    /** The password of every development login (the dashboard's login page); not a secret. */
    public static final String DEV_PASSWORD = "samplan";

    /** The development signing key shared by the stack's token issuer and its gateway. Not a secret. */
    public static final String DEV_SIGNING_KEY = "samplan-local-development-signing-key-not-for-production";

    public static StackConfig fromArgs(String[] args, Map<String, String> env, Path home) {
        Settings settings = new Settings(args, env);
        return new StackConfig(
                Path.of(settings.get("data-dir", home.resolve(".local-stack").toString())).toAbsolutePath(),
                Path.of(settings.get("services-dir", home.resolve("local-stack/target/services").toString())).toAbsolutePath(),
                Path.of(settings.get("lib-dir", home.resolve("local-stack/target/lib").toString())).toAbsolutePath(),
                settings.port("gateway-port", 8080),
                settings.port("plan-port", 8081),
                settings.port("activity-port", 8082),
                settings.port("reporting-port", 8083),
                settings.port("notification-port", 8084),
                settings.port("postgres-port", 54329),
                settings.port("kafka-port", 9092),
                settings.port("kafka-controller-port", 9093),
                settings.port("smtp-port", 2525),
                settings.port("mail-page-port", 8025),
                settings.get("dev-signing-key", DEV_SIGNING_KEY),
                settings.get("identity-secret", "samplan-local-identity-secret-" + java.util.UUID.randomUUID()),
                settings.get("service-java-options", "-Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1"),
                Boolean.parseBoolean(settings.get("demo-data", "true")),
                // More people the dashboard's development login accepts: user=association:role,role;…
                settings.get("dev-users", ""));
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** Flags win over environment variables, which win over defaults. */
    private record Settings(String[] args, Map<String, String> env) {
        String get(String name, String fallback) {
            for (String arg : args) {
                if (arg.startsWith("--" + name + "=")) {
                    return arg.substring(name.length() + 3);
                }
            }
            String fromEnv = env.get("SAMPLAN_" + name.toUpperCase().replace('-', '_'));
            return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
        }

        int port(String name, int fallback) {
            return Integer.parseInt(get(name, String.valueOf(fallback)));
        }
    }
}
