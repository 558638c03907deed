package se.samplan.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A real HTTP server standing in for the services behind the gateway in its tests. */
public final class TestBackend {

    private TestBackend() {
    }

    /** Every service's route of the gateway goes to this server. */
    public static void routeEveryService(DynamicPropertyRegistry registry, HttpServer server) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        for (String service : List.of("PLAN", "ACTIVITY", "REPORTING", "NOTIFICATION")) {
            registry.add(service + "_SERVICE_URL", () -> url);
        }
    }

    /** Answers every request with the identity headers it received, sorted, and counts the requests. */
    public static HttpServer echo(AtomicInteger hits) {
        return answering(headers -> {
            hits.incrementAndGet();
            Map<String, String> identity = new TreeMap<>();
            headers.forEach((name, values) -> {
                if (name.toLowerCase().startsWith("x-samplan-")) {
                    identity.put(name.toLowerCase(), String.join("|", values));
                }
            });
            return identity.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + ";")
                    .collect(Collectors.joining());
        });
    }

    /** Answers every request with 200 and what {@code answer} makes of the request's headers. */
    public static HttpServer answering(Function<Headers, String> answer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = answer.apply(exchange.getRequestHeaders()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
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
}
