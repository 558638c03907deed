package se.samplan.gateway.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import se.samplan.gateway.ManualTime;
import se.samplan.gateway.TestBackend;
import se.samplan.gateway.TestTokens;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One keep-alive connection, as a browser keeps it: a request that arrives while the exchange in front
 * of it is still ending must not leave the connection unread afterwards (see {@code KeepAliveReads}).
 * Without that class, the third request here waits until the read times out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "samplan.security.dev-signing-key=" + KeepAliveTest.KEY,
        "samplan.gateway.user-per-second=1", "samplan.gateway.user-burst=1"})
// Time stands still for the rate limit: Ulla's bucket must not refill while the cold first request runs.
@Import({KeepAliveTest.SlowEnd.class, ManualTime.Stopped.class})
class KeepAliveTest {

    static final String KEY = "keep-alive-test-signing-key-of-32-bytes";
    static final HttpServer backend = TestBackend.answering(headers -> "ok");

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        TestBackend.routeEveryService(registry, backend);
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    @LocalServerPort
    int port;

    /** Ends a marked request 300 ms after its response has gone out, as a busy gateway may. */
    @TestConfiguration
    static class SlowEnd {
        @Bean
        WebFilter slowEnd() {
            return (exchange, chain) -> exchange.getRequest().getHeaders().containsKey("X-Test-Slow-End")
                    ? chain.filter(exchange).then(Mono.delay(Duration.ofMillis(300)).then())
                    : chain.filter(exchange);
        }
    }

    @Test
    void theConnectionIsStillReadAfterARequestTheGatewayAnsweredItself() throws IOException {
        String ulla = TestTokens.token("ulla", "ume", KEY);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();

            // Routed; the whole response is out 300 ms before the exchange ends.
            send(out, ulla, "X-Test-Slow-End: 1\r\n");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
            // Sent at once, so it arrives before the first exchange has ended (429: Ulla's burst of 1 is spent),
            // as in the rate-limit test that hung on CI.
            send(out, ulla, "");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 429");
            // The next request on the connection must still be read and answered.
            send(out, TestTokens.token("vera", "ume", KEY), "");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
        }
    }

    private static void send(OutputStream out, String token, String extraHeaders) throws IOException {
        out.write(("GET /api/plans HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The status line and headers of one response, its body read past (Content-Length or chunked). */
    private static String readResponse(InputStream in) throws IOException {
        String head = readHead(in);
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("transfer-encoding: chunked")) {
            for (int size = Integer.parseInt(readLine(in).trim(), 16); size > 0; size = Integer.parseInt(readLine(in).trim(), 16)) {
                in.readNBytes(size + 2);
            }
            readLine(in);
        } else {
            int at = lower.indexOf("content-length:");
            if (at >= 0) {
                int end = lower.indexOf("\r\n", at);
                in.readNBytes(Integer.parseInt(lower.substring(at + "content-length:".length(), end).trim()));
            }
        }
        return head;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            head.append(line).append("\r\n");
        }
        return head.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The gateway closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
