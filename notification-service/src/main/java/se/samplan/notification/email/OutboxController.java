package se.samplan.notification.email;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samplan.notification.web.Caller;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Outbox")
class OutboxController {

    /** One email as the outbox view shows it. */
    record OutboxEntry(long id, String kind, String recipient, String subject, String status, int attempts,
                       Instant createdAt, Instant sentAt, String smtpMessageId, String lastError) {
    }

    private final JdbcTemplate jdbc;

    OutboxController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/outbox")
    @Operation(summary = "The caller's association's emails, sent and pending, newest first")
    List<OutboxEntry> outbox(Caller caller) {
        if (!caller.roles().contains("association-admin")) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN,
                    "Only the association's admins see its outbox");
        }
        return jdbc.query("""
                        SELECT id, kind, recipient, subject, status, attempts, created_at, sent_at, smtp_message_id, last_error
                          FROM outbound_email WHERE association_id = ? ORDER BY id DESC LIMIT 500""",
                (rs, row) -> new OutboxEntry(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                        rs.getString("smtp_message_id"), rs.getString("last_error")),
                caller.associationId());
    }
}
