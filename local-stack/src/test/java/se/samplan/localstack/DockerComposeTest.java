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
        assertThat(services).containsKeys("postgres", "kafka", "mailpit");
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
    void onlyTheGatewayAndTheMailUiArePublished() {
        services.forEach((name, service) -> {
            if (!Set.of("gateway", "mailpit").contains(name)) {
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

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
