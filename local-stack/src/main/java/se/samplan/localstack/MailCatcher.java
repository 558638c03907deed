package se.samplan.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's SMTP server (GreenMail): accepts every address and keeps what it received, shown as a
 * page ({@code /}) and as JSON ({@code /messages}) on its own port.
 */
final class MailCatcher implements AutoCloseable {

    private final StackConfig config;
    /** What earlier runs of the SMTP server received, before {@link #pause()}. */
    private final List<MimeMessage> earlier = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile GreenMail greenMail;
    private final HttpServer page;

    MailCatcher(StackConfig config) throws IOException {
        this.config = config;
        greenMail = startSmtp();
        page = HttpServer.create(new InetSocketAddress("127.0.0.1", config.mailPagePort()), 0);
        page.createContext("/messages", exchange -> respond(exchange, "application/json",
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(summaries())));
        page.createContext("/", exchange -> respond(exchange, "text/html; charset=utf-8", html().getBytes(StandardCharsets.UTF_8)));
        page.start();
    }

    List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(earlier);
        GreenMail current = greenMail;
        if (current != null) {
            all.addAll(List.of(current.getReceivedMessages()));
        }
        return all;
    }

    /** Stops the SMTP server (an outage), keeping what it received. */
    synchronized void pause() {
        if (greenMail != null) {
            earlier.addAll(List.of(greenMail.getReceivedMessages()));
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Starts the SMTP server again on the same port. */
    synchronized void resume() {
        if (greenMail == null) {
            greenMail = startSmtp();
        }
    }

    private GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(config.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    List<Map<String, String>> summaries() {
        List<Map<String, String>> summaries = new ArrayList<>();
        for (MimeMessage message : received()) {
            try {
                Map<String, String> summary = new LinkedHashMap<>();
                summary.put("messageId", message.getMessageID());
                summary.put("to", String.join(", ", java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()));
                summary.put("subject", message.getSubject());
                summary.put("sent", String.valueOf(message.getSentDate()));
                summary.put("body", GreenMailUtil.getBody(message));
                summaries.add(summary);
            } catch (MessagingException e) {
                summaries.add(Map.of("error", String.valueOf(e.getMessage())));
            }
        }
        return summaries;
    }

    private String html() {
        StringBuilder rows = new StringBuilder();
        for (Map<String, String> summary : summaries()) {
            rows.append("<tr><td>").append(escape(summary.get("sent"))).append("</td><td>").append(escape(summary.get("to")))
                    .append("</td><td>").append(escape(summary.get("subject"))).append("</td></tr>\n");
        }
        return """
                <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Samplan – skickad e-post</title></head>
                <body><h1>Skickad e-post (lokal SMTP)</h1>
                <table><caption>Meddelanden som tagits emot</caption>
                <thead><tr><th scope="col">Skickat</th><th scope="col">Till</th><th scope="col">Ämne</th></tr></thead>
                <tbody>%s</tbody></table><p><a href="/messages">Som JSON, med innehåll</a></p></body></html>
                """.formatted(rows);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        page.stop(0);
        GreenMail current = greenMail;
        if (current != null) {
            current.stop();
        }
    }
}
