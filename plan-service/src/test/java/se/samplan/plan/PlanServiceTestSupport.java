package se.samplan.plan;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestTemplate;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TestPostgres;

import java.util.LinkedHashMap;
import java.util.Map;

/** Real infrastructure for this service's Spring tests: its own database, the JVM's broker. */
public final class PlanServiceTestSupport {

    private PlanServiceTestSupport() {
    }

    /** Spring properties for a fresh database on the test kit's PostgreSQL and its Kafka broker. */
    public static Map<String, Object> properties(String databaseUrl, String kafkaBootstrap) {
        TestPostgres postgres = TestPostgres.get();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("spring.datasource.username", postgres.user());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrap);
        properties.put("server.port", "0");
        return properties;
    }

    public static Map<String, Object> freshProperties() {
        return properties(TestPostgres.get().createDatabase("plan"), TestKafka.get().bootstrapServers());
    }

    /** Starts the service with these properties as command-line arguments: they outrank application.yml, as the environment does in production. */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(PlanServiceApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new));
    }

    /** A client of a service started by {@link #start}. */
    public static RestTemplate client(ConfigurableApplicationContext service) {
        String port = service.getEnvironment().getProperty("local.server.port");
        return new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port).build();
    }

    /** A request of a communicator: one who may do all of the association's plan work. */
    public static HttpEntity<Object> as(String association, String user, Object body) {
        return as(association, user, "communicator", body);
    }

    public static HttpEntity<Object> as(String association, String user, String roles, Object body) {
        HttpHeaders headers = new HttpHeaders();
        se.samplan.testkit.TestIdentity.headers(association, user, roles).forEach(headers::set);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
