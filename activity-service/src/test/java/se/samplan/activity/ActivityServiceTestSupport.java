package se.samplan.activity;

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
public final class ActivityServiceTestSupport {

    private ActivityServiceTestSupport() {
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

    /** A fresh database, and a plans topic of the test's own (its name under {@code samplan.plans.topic}). */
    public static Map<String, Object> freshProperties() {
        Map<String, Object> properties = properties(TestPostgres.get().createDatabase("activity"), TestKafka.get().bootstrapServers());
        String plansTopic = "plans-" + java.util.UUID.randomUUID();
        TestKafka.get().createTopic(plansTopic, 3);
        properties.put("samplan.plans.topic", plansTopic);
        properties.put("samplan.plans.consumer-group", "activity-" + plansTopic);
        properties.put("db-scheduler.polling-interval", "500ms");
        properties.put("samplan.reminders.sweep-interval", "PT1S");
        return properties;
    }

    /** Starts the service with these properties as command-line arguments: they outrank application.yml, as the environment does in production. */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(ActivityServiceApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new));
    }

    /** A client of a service started by {@link #start}. */
    public static RestTemplate client(ConfigurableApplicationContext service) {
        String port = service.getEnvironment().getProperty("local.server.port");
        return new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port).build();
    }

    /** A request of a communicator: one who may do all of the association's activity work. */
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
