package se.samplan.notification.invitation;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samplan.events.EventEnvelope;
import se.samplan.events.association.MemberInvited;
import se.samplan.notification.NotificationTestSupport;
import se.samplan.testkit.EventProducer;
import se.samplan.testkit.TestKafka;
import se.samplan.testkit.TestPostgres;
import se.samplan.testkit.TestSmtp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The invitation email of MemberInvited, against a real SMTP server and a stand-in for plan-service's
 * directory (the only place the member's name and address are): one email per event in the member's
 * language, sent once the directory answers, none for a member removed before it went.
 */
@SpringBootTest
class InvitationEmailTest {

    static final TestSmtp smtp = TestSmtp.start();
    static final NotificationTestSupport.Topics topics = NotificationTestSupport.topics();
    /** memberId → the directory's status and answer; a member not in it is a 404. */
    static final Map<String, Map.Entry<Integer, String>> directory = new ConcurrentHashMap<>();
    static final List<String> asked = new CopyOnWriteArrayList<>();
    static final AtomicInteger outages = new AtomicInteger();
    static final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    static final HttpServer planService = directoryStandIn();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        NotificationTestSupport.properties(TestPostgres.get().createDatabase("notification"), topics, smtp)
                .forEach((key, value) -> registry.add(key, () -> value));
        registry.add("samplan.directory.url", () -> "http://127.0.0.1:" + planService.getAddress().getPort());
        registry.add("samplan.mail.base-url", () -> "https://samplan.example");
    }

    @AfterAll
    static void stop() {
        smtp.down();
        planService.stop(0);
    }

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void up() {
        smtp.up();
        smtp.purge();
    }

    @Test
    void anInvitedMemberGetsOneEmailInSwedishByDefaultWithTheirRolesAndTheLoginLink() throws Exception {
        member("lena-1", "Lena Förbundschef", "lena@finsam.example", "INVITED", "[\"association-admin\",\"reader\"]");
        EventEnvelope invited = invited("lena-1", List.of("association-admin", "reader"), "sv");
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.plans(), invited);
            producer.send(topics.plans(), invited);   // a redelivery
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().size() >= 1);
        Thread.sleep(1_500);   // anything more would come by now: both sweeps run every 0.2 s
        assertThat(smtp.received()).hasSize(1);
        MimeMessage mail = smtp.received().get(0);
        assertThat(mail.getSubject()).isEqualTo("Inbjudan till Finsam Lekeberg Örebro i Samplan");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("lena@finsam.example");
        String text = text(mail);
        assertThat(text).contains("Hej Lena Förbundschef!", "Dina roller: förbundsadministratör, läsare",
                "Logga in på https://samplan.example/ med din e-postadress lena@finsam.example");
        assertThat(asked).contains("finsam-lekeberg-orebro/lena-1 system:notification-service signed");
        assertThat(jdbc.queryForObject("SELECT person_id FROM outbound_email WHERE kind = 'invitation' AND recipient = ?",
                String.class, "lena@finsam.example")).as("erasing the person scrubs it").isEqualTo("lena-1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pending_invitation", Integer.class)).isZero();
    }

    @Test
    void anEnglishInvitationWaitsWhileTheDirectoryIsDownAndGoesWhenItAnswers() throws Exception {
        member("per-2", "Per Communicator", "per@finsam.example", "INVITED", "[\"communicator\"]");
        outages.set(3);
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.plans(), invited("per-2", List.of("communicator"), "en"));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.received().stream()
                .anyMatch(m -> recipient(m).equals("per@finsam.example")));
        assertThat(outages.get()).as("the directory failed first").isLessThanOrEqualTo(0);
        MimeMessage mail = smtp.received().stream().filter(m -> recipient(m).equals("per@finsam.example")).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Invitation to Finsam Lekeberg Örebro in Samplan");
        assertThat(text(mail)).contains("Hello Per Communicator,", "Your roles: communicator.");
    }

    @Test
    void aMemberRemovedOrAlreadyLoggedInBeforeTheEmailWentGetsNone() throws Exception {
        member("eva-3", "Eva", "eva@finsam.example", "ACTIVE", "[\"reader\"]");
        try (EventProducer producer = new EventProducer(TestKafka.get().bootstrapServers())) {
            producer.send(topics.plans(), invited("gone-3", List.of("reader"), "sv"));   // not in the directory: removed
            producer.send(topics.plans(), invited("eva-3", List.of("reader"), "sv"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> asked.stream().anyMatch(a -> a.contains("gone-3"))
                && asked.stream().anyMatch(a -> a.contains("eva-3")));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pending_invitation WHERE member_id IN ('gone-3', 'eva-3')", Integer.class) == 0);
        Thread.sleep(1_000);
        assertThat(smtp.received()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbound_email WHERE person_id IN ('gone-3', 'eva-3')",
                Integer.class)).isZero();
    }

    private static void member(String memberId, String name, String email, String status, String roles) {
        directory.put(memberId, Map.entry(200, """
                {"memberId":"%s","associationId":"finsam-lekeberg-orebro","associationName":"Finsam Lekeberg Örebro",
                 "name":"%s","email":"%s","language":"sv","roles":%s,"status":"%s"}""".formatted(memberId, name, email,
                roles, status)));
    }

    private static EventEnvelope invited(String memberId, List<String> roles, String language) {
        MemberInvited event = new MemberInvited("finsam-lekeberg-orebro", memberId, roles, language);
        // One association's events: each later one has the next sequence, as the event store gives them.
        return EventProducer.envelope(event, "finsam-lekeberg-orebro", sequence.getAndIncrement(), Instant.now());
    }

    /** plan-service's directory as notification-service asks it: signed headers, one path per member. */
    private static HttpServer directoryStandIn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/associations/", exchange -> {
                String[] path = exchange.getRequestURI().getPath().split("/");
                String association = path[3];
                String memberId = path[5];
                String signature = exchange.getRequestHeaders().getFirst("X-Samplan-Signature");
                asked.add(association + "/" + memberId + " " + exchange.getRequestHeaders().getFirst("X-Samplan-User")
                        + (signature != null && signature.matches("\\d+\\.[A-Za-z0-9_-]{43}") ? " signed" : " unsigned"));
                Map.Entry<Integer, String> answer = outages.getAndDecrement() > 0 ? Map.entry(503, "{}")
                        : directory.getOrDefault(memberId, Map.entry(404, "{}"));
                byte[] body = answer.getValue().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.getKey(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain part, wherever the multipart structure puts it. */
    private static String text(jakarta.mail.Part part) throws Exception {
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return part.isMimeType("text/plain") ? part.getContent().toString() : null;
    }
}
