package se.samplan.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml against the Compose Specification's own JSON schema, as `docker compose config`
 * would check it if an engine ran here. The schema is src/test/resources/compose-spec/compose-spec.json:
 * schema/compose-spec.json of github.com/compose-spec/compose-spec at commit
 * 00655e2222608fa6eaecdf12ac5195889ca2244a (Apache-2.0), unchanged; the README beside it says how it
 * was obtained and how to update it.
 * <p>
 * The YAML is read with SnakeYAML, which resolves anchors and {@code <<} merge keys as Compose does
 * before it validates.
 */
class ComposeSpecificationTest {

    private static final Path ROOT = Path.of(System.getProperty("samplan.root", ".."));
    private static final JsonSchema SCHEMA = loadSchema();

    @Test
    void dockerComposeYmlConformsToTheComposeSpecification() throws IOException {
        assertThat(validate(Files.readString(ROOT.resolve("docker-compose.yml")))).isEmpty();
    }

    /** The same file with one wrong start condition, as a typo would leave it, is rejected at that place. */
    @Test
    void dockerComposeYmlWithAWrongConditionIsRejected() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        String gatewayWaitsForKeycloak = "keycloak: { condition: service_healthy }";
        assertThat(compose).contains(gatewayWaitsForKeycloak);
        List<String> errors = validate(compose.replace(gatewayWaitsForKeycloak, "keycloak: { condition: healthy }"));
        // depends_on is a oneOf (list or map): the validator reports each alternative, all at that key.
        assertThat(errors).allSatisfy(error -> assertThat(error).startsWith("$.services.gateway.depends_on"))
                .anySatisfy(error -> assertThat(error).startsWith("$.services.gateway.depends_on.keycloak.condition"));
    }

    /** The check can fail: the mistakes a hand-edited compose file typically has are each reported where they are. */
    @Test
    void theSchemaReportsAnUnknownKeyAWrongConditionAndAWrongType() {
        String broken = """
                name: broken
                services:
                  db:
                    image: postgres:17
                    healthchek:
                      test: ["CMD", "pg_isready"]
                  app:
                    image: samplan/app:1
                    depends_on:
                      db: { condition: service_ready }
                    ports:
                      published: 8080
                """;
        List<String> errors = validate(broken);
        assertThat(errors).anySatisfy(error -> assertThat(error).contains("$.services.db").contains("healthchek"));
        assertThat(errors).anySatisfy(error -> assertThat(error)
                .contains("$.services.app.depends_on.db.condition").contains("enum"));
        assertThat(errors).anySatisfy(error -> assertThat(error).contains("$.services.app.ports").contains("object"));
        assertThat(validate(broken.replace("healthchek", "healthcheck").replace("service_ready", "service_healthy")
                .replace("      published: 8080", "      - \"8080:8080\""))).isEmpty();
    }

    @Test
    void anAnchoredBlockIsValidatedWhereItIsMergedIn() {
        String merged = """
                x-env: &env
                  restart_me: "no"
                x-health: &health
                  interval: 5s
                  retry: 3
                services:
                  app:
                    image: samplan/app:1
                    environment:
                      <<: *env
                    healthcheck:
                      <<: *health
                      test: ["CMD", "true"]
                """;
        assertThat(validate(merged)).singleElement().asString()
                .contains("$.services.app.healthcheck").contains("retry");
    }

    private static List<String> validate(String yaml) {
        JsonNode document = new ObjectMapper().valueToTree(new Yaml().load(yaml));
        return SCHEMA.validate(document).stream().map(ValidationMessage::toString).toList();
    }

    /** Loaded by location: the schema's relative {@code $id} ("compose_spec.json") needs a base to resolve against. */
    private static JsonSchema loadSchema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
    }
}
