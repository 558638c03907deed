package se.samplan.reporting.status;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PartnerAssociationAdded;
import se.samplan.events.plan.PlanCreated;
import se.samplan.reporting.ReportingTestSupport;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samplan.reporting.ReportingTestSupport.as;

/**
 * The portfolio: an association's own plans, as owner, and the plans partners share with it, at the
 * access they gave; nobody else's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortfolioTest {

    static ReportingTestSupport.Topics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = ReportingTestSupport.register(registry);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void ownPlansAsOwnerAndSharedPlansAtTheirAccess() {
        Instant now = Instant.now();
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.plans(), EventProducer.envelope(new PlanCreated("pf-own", "pf-sco", "Egen plan", null, null,
                    "person-1"), "pf-own", 0, now));
            producer.send(topics.plans(), EventProducer.envelope(new PlanCreated("pf-lent", "pf-sco", "Utlånad plan", null, null,
                    "person-1"), "pf-lent", 0, now.plusSeconds(1)));
            producer.send(topics.plans(), EventProducer.envelope(new PartnerAssociationAdded("pf-lent", "pf-sco", "pf-ostra",
                    PartnerAccess.CONTRIBUTE), "pf-lent", 1, now.plusSeconds(1)));
            producer.send(topics.plans(), EventProducer.envelope(new PlanCreated("pf-shared", "pf-vkl", "Delad plan", null, null,
                    "person-2"), "pf-shared", 0, now));
            producer.send(topics.plans(), EventProducer.envelope(new PartnerAssociationAdded("pf-shared", "pf-vkl", "pf-sco",
                    PartnerAccess.READ), "pf-shared", 1, now));
            producer.send(topics.plans(), EventProducer.envelope(new PlanCreated("pf-private", "pf-vkl", "Privat plan", null, null,
                    "person-2"), "pf-private", 0, now));
        }

        // By association, the newest plan first within each.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(portfolio("pf-sco"))
                .containsExactly("pf-lent OWNER", "pf-own OWNER", "pf-shared READ"));
        assertThat(portfolio("pf-vkl")).containsExactly("pf-private OWNER", "pf-shared OWNER");
        assertThat(portfolio("pf-ostra")).containsExactly("pf-lent CONTRIBUTE");
        assertThat(portfolio("pf-nobody")).isEmpty();
    }

    private List<String> portfolio(String association) {
        JsonNode plans = http.exchange("/api/reports/portfolio", HttpMethod.GET, as(association, "reader"), JsonNode.class).getBody();
        assertThat(plans).isNotNull();
        return StreamSupport.stream(plans.spliterator(), false)
                .map(plan -> plan.get("planId").asText() + " " + plan.get("access").asText()).toList();
    }
}
