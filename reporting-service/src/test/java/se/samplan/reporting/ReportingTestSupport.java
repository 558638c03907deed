package se.samplan.reporting;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TestPostgres;

import java.util.UUID;

/** Real infrastructure for this service's Spring tests: its own database and topics. */
public final class ReportingTestSupport {

    private ReportingTestSupport() {
    }

    /** Registers a fresh database, the JVM's broker and topics of the test's own; returns the topic names. */
    public static Topics register(DynamicPropertyRegistry registry) {
        TestPostgres postgres = TestPostgres.get();
        String database = postgres.createDatabase("reporting");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("plans-" + suffix, "activities-" + suffix, "reports-" + suffix);
        TestKafka.get().createTopic(topics.plans(), 3);
        TestKafka.get().createTopic(topics.activities(), 3);
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", postgres::user);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.kafka.bootstrap-servers", TestKafka.get()::bootstrapServers);
        registry.add("samplan.consumer.topics", () -> topics.plans() + "," + topics.activities());
        registry.add("samplan.consumer.group", () -> "reporting-" + suffix);
        registry.add("samplan.reports.topic", topics::reports);
        return topics;
    }

    /**
     * The test's database as its owner connects (a superuser here, like Flyway): every association's
     * rows, for a test's own setup and look at the tables; the service never works as it.
     */
    public static JdbcTemplate owner(Environment environment) {
        return new JdbcTemplate(new DriverManagerDataSource(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"), environment.getRequiredProperty("spring.datasource.password")));
    }

    public record Topics(String plans, String activities, String reports) {
    }

    /** A request of a communicator of {@code association}. */
    public static HttpEntity<Void> as(String association, String user) {
        return as(association, user, "communicator", null, null);
    }

    /** A request with a body, the roles given and an If-Match (or none, when null). */
    public static <T> HttpEntity<T> as(String association, String user, String roles, String ifMatch, T body) {
        HttpHeaders headers = new HttpHeaders();
        se.samplan.testkit.TestIdentity.headers(association, user, roles).forEach(headers::set);
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        if (body != null) {
            headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        }
        return new HttpEntity<>(body, headers);
    }
}
