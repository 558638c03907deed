package se.samplan.notification.digest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;
import se.samplan.notification.directory.Responsibles;
import se.samplan.notification.email.MailProperties;
import se.samplan.notification.email.OutboundEmail;
import se.samplan.notification.email.Outbox;
import se.samplan.notification.people.Person;
import se.samplan.notification.people.PersonDirectory;
import se.samplan.notification.people.UnsubscribeTokens;
import se.samplan.notification.web.Caller;

import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The weekly digest: per person, what is due in the coming week and what is overdue, on the day and
 * hour the association chose. Queued under (person, ISO week), so it goes once a week whatever the
 * number of instances or checks.
 */
@RestController
@RequestMapping("/api/notifications/digest-settings")
@Tag(name = "Weekly digest")
class WeeklyDigest {

    private final JdbcTemplate jdbc;
    private final PersonDirectory people;
    private final Responsibles responsibles;
    private final Outbox outbox;
    private final UnsubscribeTokens tokens;
    private final MailProperties mail;
    private final Clock clock;
    private final int defaultDay;
    private final int defaultHour;

    WeeklyDigest(JdbcTemplate jdbc, PersonDirectory people, Responsibles responsibles, Outbox outbox,
                 UnsubscribeTokens tokens, MailProperties mail, Clock clock,
                 @Value("${samplan.digest.default-day:1}") int defaultDay, @Value("${samplan.digest.default-hour:7}") int defaultHour) {
        this.jdbc = jdbc;
        this.people = people;
        this.responsibles = responsibles;
        this.outbox = outbox;
        this.tokens = tokens;
        this.mail = mail;
        this.clock = clock;
        this.defaultDay = defaultDay;
        this.defaultHour = defaultHour;
    }

    /** When an association's digest goes out: ISO day of week (1 = Monday) and hour, Swedish time. */
    record Setting(@Min(1) @Max(7) int dayOfWeek, @Min(0) @Max(23) int hour) { }

    @GetMapping
    @Operation(summary = "When the caller's association's weekly digest goes out")
    Setting setting(Caller caller) {
        return setting(caller.associationId());
    }

    @PutMapping
    @Operation(summary = "Set the day and hour of the weekly digest (admins)")
    Setting set(Caller caller, @Valid @RequestBody Setting body) {
        if (!caller.roles().contains("association-admin")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the association's admins set the digest");
        }
        jdbc.update("""
                INSERT INTO digest_setting (association_id, day_of_week, hour) VALUES (?, ?, ?)
                ON CONFLICT (association_id) DO UPDATE SET day_of_week = EXCLUDED.day_of_week, hour = EXCLUDED.hour""",
                caller.associationId(), body.dayOfWeek(), body.hour());
        return body;
    }

    @Scheduled(fixedDelayString = "${samplan.digest.check-interval:PT5M}")
    void sendDue() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<String> associations = jdbc.queryForList(
                "SELECT DISTINCT association_id FROM person WHERE digest AND NOT unsubscribed AND email_rejected IS NULL", String.class);
        for (String association : associations) {
            Setting setting = setting(association);
            ZonedDateTime slot = now.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .plusDays(setting.dayOfWeek() - 1L).withHour(setting.hour()).truncatedTo(ChronoUnit.HOURS);
            if (now.isBefore(slot)) {
                continue;
            }
            String week = now.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            for (Person person : people.ofAssociation(association)) {
                if (person.wants("digest")) {
                    digest(person, week, now.toLocalDate());
                }
            }
        }
    }

    private void digest(Person person, String week, LocalDate today) {
        // Each line: what and when, and the link to it.
        List<String[]> dueSoon = new ArrayList<>();
        List<String[]> overdue = new ArrayList<>();
        jdbc.query("""
                        SELECT a.activity_id, a.title, a.responsible::text AS responsible, o.due_date, coalesce(p.title, '') AS plan
                          FROM activity_info a JOIN occurrence_info o ON o.activity_id = a.activity_id
                          LEFT JOIN plan_info p ON p.plan_id = a.plan_id AND p.association_id = a.association_id
                         WHERE a.association_id = ? AND o.status IN ('PLANNED', 'IN_PROGRESS', 'POSTPONED')
                           AND o.due_date IS NOT NULL AND o.due_date <= ?
                         ORDER BY o.due_date, a.title""",
                rs -> {
                    if (responsibles.includes(rs.getString("responsible"), person)) {
                        LocalDate due = rs.getDate("due_date").toLocalDate();
                        String[] line = {due + "  " + rs.getString("title") + " (" + rs.getString("plan") + ")",
                                mail.baseUrl() + "/activities/" + rs.getString("activity_id")};
                        (due.isBefore(today) ? overdue : dueSoon).add(line);
                    }
                }, person.associationId(), Date.valueOf(today.plusDays(7)));
        if (dueSoon.isEmpty() && overdue.isEmpty()) {
            return;
        }
        boolean en = person.english();
        String unsubscribe = tokens.link(mail.baseUrl(), person.personId(), "digest");
        StringBuilder text = new StringBuilder(en ? "Hello " + person.name() + ",\n" : "Hej " + person.name() + "!\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"" + (en ? "en" : "sv") + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + (en ? "Your week" : "Din vecka") + "</title></head><body><p>"
                + HtmlUtils.htmlEscape(en ? "Hello " + person.name() + "," : "Hej " + person.name() + "!", "UTF-8") + "</p>");
        section(en ? "Due in the coming week" : "Ska vara klart kommande vecka", dueSoon, text, html);
        section(en ? "Overdue" : "Försenat", overdue, text, html);
        String footer = en ? "Weekly digest from Samplan. Unsubscribe:" : "Veckosammanfattning från Samplan. Avregistrera:";
        text.append("\n-- \n").append(footer).append(' ').append(unsubscribe).append('\n');
        html.append("<hr><p style=\"font-size:smaller\">").append(HtmlUtils.htmlEscape(footer, "UTF-8"))
                .append(" <a href=\"").append(HtmlUtils.htmlEscape(unsubscribe, "UTF-8")).append("\">")
                .append(en ? "Unsubscribe" : "Avregistrera").append("</a></p></body></html>");
        String subject = (en ? "Your week in Samplan: " : "Din vecka i Samplan: ") + dueSoon.size()
                + (en ? " due, " : " att göra, ") + overdue.size() + (en ? " overdue" : " försenade");
        outbox.queue(OutboundEmail.of("digest:" + person.personId() + ":" + week, person.associationId(), "digest",
                person.email(), subject, text.toString(), html.toString(), person.personId(), unsubscribe));
    }

    private static void section(String heading, List<String[]> lines, StringBuilder text, StringBuilder html) {
        if (lines.isEmpty()) {
            return;
        }
        text.append('\n').append(heading).append(":\n");
        html.append("<h2>").append(HtmlUtils.htmlEscape(heading, "UTF-8")).append("</h2><ul>");
        for (String[] line : lines) {
            text.append("  ").append(line[0]).append("  ").append(line[1]).append('\n');
            html.append("<li><a href=\"").append(HtmlUtils.htmlEscape(line[1], "UTF-8")).append("\">")
                    .append(HtmlUtils.htmlEscape(line[0], "UTF-8")).append("</a></li>");
        }
        html.append("</ul>");
    }

    private Setting setting(String association) {
        return jdbc.query("SELECT day_of_week, hour FROM digest_setting WHERE association_id = ?",
                        (rs, row) -> new Setting(rs.getInt(1), rs.getInt(2)), association)
                .stream().findFirst().orElse(new Setting(defaultDay, defaultHour));
    }
}
