package se.samplan.localstack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so docker-compose.yml is checked against the code it deploys: the
 * images Jib builds, the databases PostgreSQL creates, the variables each service reads, and start
 * order by health.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("samplan.root", ".."));
    private static final List<String> SAMPLAN = List.of("plan-service", "activity-service", "reporting-service",
            "notification-service", "gateway");

    @SuppressWarnings("unchecked")
    private final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>)
            new Yaml().<Map<String, Object>>load(read(ROOT.resolve("docker-compose.yml"))).get("services");

    @Test
    void everyServiceRunsTheImageJibBuildsForIt() {
        assertThat(services).containsKeys("postgres", "kafka", "mailpit", "keycloak", "prometheus", "grafana");
        for (String service : SAMPLAN) {
            assertThat(services).containsKey(service);
            assertThat(services.get(service).get("image"))
                    .isEqualTo("samplan/" + service + ":" + System.getProperty("samplan.version"));
            assertThat(read(ROOT.resolve(service).resolve("pom.xml"))).contains("jib-maven-plugin");
        }
    }

    @Test
    void everythingStartsAfterWhatItNeedsIsHealthy() {
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            assertThat(service.getValue()).as(service.getKey()).containsKey("healthcheck");
            Object dependsOn = service.getValue().get("depends_on");
            if (dependsOn instanceof Map<?, ?> dependencies) {
                dependencies.forEach((name, condition) -> {
                    assertThat(services).containsKey((String) name);
                    assertThat(((Map<?, ?>) condition).get("condition")).isEqualTo("service_healthy");
                });
            }
        }
        assertThat(services.get("gateway").get("depends_on")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKeys(
                "plan-service", "activity-service", "reporting-service", "notification-service");
    }

    @Test
    void onlyTheGatewayTheLoginTheMailUiAndGrafanaArePublished() {
        services.forEach((name, service) -> {
            if (!Set.of("gateway", "mailpit", "keycloak", "grafana").contains(name)) {
                assertThat(service).as(name).doesNotContainKey("ports");
            }
        });
    }

    @Test
    void everyDatabaseIsCreatedAndEveryVariableIsReadByItsService() {
        String init = read(ROOT.resolve("deploy/postgres/init.sql"));
        for (String service : SAMPLAN) {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
            String applicationYml = read(ROOT.resolve(service).resolve("src/main/resources/application.yml"));
            for (String variable : environment.keySet()) {
                assertThat(applicationYml).as("%s reads %s", service, variable).contains("${" + variable + ":");
            }
            Object url = environment.get("DATABASE_URL");
            if (url != null) {
                Matcher database = Pattern.compile("/(\\w+)$").matcher(url.toString());
                assertThat(database.find()).isTrue();
                assertThat(init).contains("CREATE DATABASE " + database.group(1) + ";");
            }
        }
    }

    @Test
    void everyMountedFileIsInTheRepository() {
        services.forEach((name, service) -> {
            Object volumes = service.get("volumes");
            if (volumes instanceof List<?> list) {
                list.stream().map(String::valueOf).filter(volume -> volume.startsWith("./")).forEach(volume ->
                        assertThat(ROOT.resolve(volume.substring(2, volume.indexOf(':')))).as("%s mounts %s", name, volume).exists());
            }
        });
    }

    /** The gateway accepts exactly what the realm issues: its issuer, its client, and claims named as the gateway reads them. */
    @Test
    @SuppressWarnings("unchecked")
    void theKeycloakRealmIssuesTheTokensTheGatewayExpects() throws Exception {
        Map<String, Object> realm = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(read(ROOT.resolve("deploy/keycloak/samplan-realm.json")), Map.class);
        Map<String, Object> gateway = (Map<String, Object>) services.get("gateway").get("environment");
        Map<String, Object> keycloak = (Map<String, Object>) services.get("keycloak").get("environment");
        assertThat(gateway).doesNotContainKey("DEV_SIGNING_KEY");
        assertThat(gateway.get("OIDC_ISSUER_URI")).isEqualTo(keycloak.get("KC_HOSTNAME") + "/realms/" + realm.get("realm"));
        assertThat(gateway.get("OIDC_JWK_SET_URI").toString()).startsWith("http://keycloak:8180/realms/" + realm.get("realm") + "/");

        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        Map<String, Object> dashboard = clients.stream().filter(c -> c.get("clientId").equals(gateway.get("DASHBOARD_CLIENT_ID")))
                .findFirst().orElseThrow();
        assertThat(dashboard.get("publicClient")).isEqualTo(true);
        assertThat(((Map<String, Object>) dashboard.get("attributes")).get("pkce.code.challenge.method")).isEqualTo("S256");
        assertThat((List<String>) dashboard.get("webOrigins")).containsExactly(gateway.get("DASHBOARD_ORIGINS").toString());
        List<String> claims = ((List<Map<String, Object>>) dashboard.get("protocolMappers")).stream()
                .map(mapper -> ((Map<String, String>) mapper.get("config")).get("claim.name")).toList();
        String relay = read(ROOT.resolve("gateway/src/main/java/se/samplan/gateway/identity/IdentityRelay.java"));
        for (String claim : List.of("association", "roles")) {
            assertThat(claims).contains(claim);
            assertThat(relay).contains("\"" + claim + "\"");
        }

        List<String> roles = ((List<Map<String, Object>>) ((Map<String, Object>) realm.get("roles")).get("realm")).stream()
                .map(role -> role.get("name").toString()).toList();
        String reportingCaller = read(ROOT.resolve("reporting-service/src/main/java/se/samplan/reporting/web/Caller.java"));
        Matcher quoted = Pattern.compile("\"([a-z]+(?:-[a-z]+)+|reader|contributor|communicator)\"").matcher(reportingCaller);
        while (quoted.find()) {
            assertThat(roles).as("the realm has the role %s the services check", quoted.group(1)).contains(quoted.group(1));
        }
        // The compose deployment has the same demo users as the local stack, in the same associations and roles.
        Map<String, Map<String, Object>> realmUsers = new java.util.HashMap<>();
        ((List<Map<String, Object>>) realm.get("users")).forEach(user -> realmUsers.put(user.get("username").toString(), user));
        for (var demo : DemoData.users()) {
            Map<String, Object> user = realmUsers.get(demo.get("user").asText());
            assertThat(user).as("realm user %s", demo.get("user").asText()).isNotNull();
            assertThat(((Map<String, List<String>>) user.get("attributes")).get("association"))
                    .containsExactly(demo.get("association").asText());
            List<String> demoRoles = new java.util.ArrayList<>();
            demo.get("roles").forEach(role -> demoRoles.add(role.asText()));
            assertThat((List<String>) user.get("realmRoles")).containsExactlyInAnyOrderElementsOf(demoRoles);
        }
        for (Map<String, Object> user : (List<Map<String, Object>>) realm.get("users")) {
            assertThat((Map<String, Object>) user.get("attributes")).as("%s", user.get("username")).containsKey("association");
            assertThat((List<String>) user.get("realmRoles")).isNotEmpty().allSatisfy(role -> assertThat(roles).contains(role));
        }
    }

    /** Prometheus scrapes every service, and every Samplan metric the Grafana dashboard plots is one the code registers. */
    @Test
    void theDashboardPlotsMetricsTheServicesPublish() throws IOException {
        String prometheus = read(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        for (String service : SAMPLAN) {
            assertThat(prometheus).contains(service + ":");
        }
        String dashboard = read(ROOT.resolve("deploy/grafana/dashboards/samplan.json"));
        StringBuilder code = new StringBuilder();
        try (var files = Files.walk(ROOT)) {
            files.filter(file -> file.toString().endsWith(".java") && file.toString().contains("src/main"))
                    .forEach(file -> code.append(read(file)));
        }
        Matcher metric = Pattern.compile("samplan_([a-z_]+?)(?:_seconds_bucket|_total)?[{\\[)]").matcher(dashboard);
        int checked = 0;
        while (metric.find()) {
            String name = "samplan." + metric.group(1).replace('_', '.');
            assertThat(code.toString()).as("a meter named %s is registered", name).contains("\"" + name + "\"");
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
