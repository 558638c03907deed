package se.samplan.reporting;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
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
        Topics topics = new Topics("plans-" + suffix, "activities-" + suffix);
        TestKafka.get().createTopic(topics.plans(), 3);
        TestKafka.get().createTopic(topics.activities(), 3);
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", postgres::user);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.kafka.bootstrap-servers", TestKafka.get()::bootstrapServers);
        registry.add("samplan.consumer.topics", () -> topics.plans() + "," + topics.activities());
        registry.add("samplan.consumer.group", () -> "reporting-" + suffix);
        return topics;
    }

    public record Topics(String plans, String activities) {
    }

    public static HttpEntity<Void> as(String association, String user) {
        HttpHeaders headers = new HttpHeaders();
        se.samplan.testkit.TestIdentity.headers(association, user, "").forEach(headers::set);
        return new HttpEntity<>(headers);
    }
}
