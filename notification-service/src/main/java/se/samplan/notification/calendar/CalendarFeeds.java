package se.samplan.notification.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.samplan.notification.directory.Responsibles;
import se.samplan.notification.email.MailProperties;
import se.samplan.notification.people.Person;
import se.samplan.notification.people.PersonDirectory;
import se.samplan.notification.web.Caller;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * iCalendar (RFC 5545) feeds of activities and milestones, built with ical4j: one per person (the
 * activities they answer for) and one per plan (its activities and milestones). Each has a secret
 * URL, so Outlook and Google Calendar can subscribe without logging in.
 */
@RestController
@RequestMapping("/api/notifications/calendar")
@Tag(name = "Calendar feeds")
class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final PersonDirectory people;
    private final Responsibles responsibles;
    private final MailProperties mail;

    CalendarFeeds(JdbcTemplate jdbc, PersonDirectory people, Responsibles responsibles, MailProperties mail) {
        this.jdbc = jdbc;
        this.people = people;
        this.responsibles = responsibles;
        this.mail = mail;
    }

    /** Where a feed is: give this URL to a calendar program. */
    record Feed(String url) { }

    @PostMapping("/me")
    @Operation(summary = "The secret feed URL of the caller's own activities")
    Feed mine(Caller caller) {
        people.find(caller.userId()).filter(p -> p.associationId().equals(caller.associationId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "You are not in the directory yet"));
        return feed("PERSON", caller.userId(), caller.associationId());
    }

    @PostMapping("/plans/{planId}")
    @Operation(summary = "The secret feed URL of a plan's activities and milestones")
    Feed plan(Caller caller, @PathVariable String planId) {
        boolean owned = !jdbc.queryForList("SELECT 1 FROM plan_info WHERE plan_id = ? AND association_id = ?",
                planId, caller.associationId()).isEmpty();
        if (!owned) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No plan " + planId);
        }
        return feed("PLAN", planId, caller.associationId());
    }

    @GetMapping(value = "/feeds/{token}.ics", produces = "text/calendar")
    @Operation(summary = "A feed, by its secret URL (no login)")
    ResponseEntity<String> ics(@PathVariable String token) {
        List<Map<String, Object>> feeds = jdbc.queryForList(
                "SELECT kind, subject_id, association_id FROM calendar_feed WHERE token = ?", token);
        if (feeds.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such feed");
        }
        String kind = (String) feeds.get(0).get("kind");
        String subject = (String) feeds.get(0).get("subject_id");
        String association = (String) feeds.get(0).get("association_id");
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Samplan//Aktiviteter//SV"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if ("PLAN".equals(kind)) {
            occurrences("a.plan_id = ?", subject, association).forEach(calendar::add);
            milestones(subject).forEach(calendar::add);
        } else {
            Person person = people.find(subject).orElse(null);
            if (person != null) {
                jdbc.query("SELECT activity_id, responsible::text FROM activity_info WHERE association_id = ?",
                        (rs, row) -> responsibles.includes(rs.getString(2), person) ? rs.getString(1) : null, association)
                        .stream().filter(java.util.Objects::nonNull)
                        .forEach(activityId -> occurrences("a.activity_id = ?", activityId, association).forEach(calendar::add));
            }
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .body(calendar.toString());
    }

    /**
     * Occurrences of the feed's association only, with its own plans' titles: activity-service takes
     * an unknown plan id on trust, so another association's activity may name this plan.
     */
    private List<VEvent> occurrences(String where, String value, String association) {
        return jdbc.query("""
                        SELECT a.activity_id, a.title, o.occurrence_id, o.due_date, o.status, coalesce(p.title, '') AS plan,
                               (SELECT count(*) FROM occurrence_info x WHERE x.activity_id = a.activity_id) AS siblings
                          FROM activity_info a JOIN occurrence_info o ON o.activity_id = a.activity_id
                          LEFT JOIN plan_info p ON p.plan_id = a.plan_id AND p.association_id = a.association_id
                         WHERE o.due_date IS NOT NULL AND o.status <> 'CANCELLED' AND a.association_id = ? AND\s""" + where
                        + " ORDER BY o.due_date",
                (rs, row) -> {
                    String summary = rs.getString("title") + (rs.getInt("siblings") > 1 && !rs.getString("occurrence_id")
                            .equals(rs.getDate("due_date").toLocalDate().toString()) ? " (" + rs.getString("occurrence_id") + ")" : "");
                    VEvent event = new VEvent(rs.getDate("due_date").toLocalDate(), summary);
                    event.add(new Uid(rs.getString("activity_id") + "/" + rs.getString("occurrence_id") + "@samplan"));
                    event.add(new Description(rs.getString("plan") + " — " + rs.getString("status") + "\n"
                            + mail.baseUrl() + "/activities/" + rs.getString("activity_id")));
                    return event;
                }, association, value);
    }

    private List<VEvent> milestones(String planId) {
        return jdbc.query("""
                        SELECT milestone_id, name, coalesce(forecast_date, target_date) AS day, target_date, forecast_date
                          FROM milestone_info WHERE plan_id = ? AND coalesce(forecast_date, target_date) IS NOT NULL""",
                (rs, row) -> {
                    LocalDate day = rs.getDate("day").toLocalDate();
                    VEvent event = new VEvent(day, "Milstolpe: " + rs.getString("name"));
                    event.add(new Uid(planId + "/milestone/" + rs.getString("milestone_id") + "@samplan"));
                    event.add(new Description("Måldatum " + rs.getDate("target_date") + ", prognos " + rs.getDate("forecast_date")));
                    return event;
                }, planId);
    }

    private Feed feed(String kind, String subject, String association) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        jdbc.update("""
                INSERT INTO calendar_feed (token, kind, subject_id, association_id, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (kind, subject_id) DO NOTHING""", HexFormat.of().formatHex(secret), kind, subject, association,
                Timestamp.from(Instant.now()));
        String token = jdbc.queryForObject("SELECT token FROM calendar_feed WHERE kind = ? AND subject_id = ?", String.class,
                kind, subject);
        return new Feed(mail.baseUrl() + "/api/notifications/calendar/feeds/" + token + ".ics");
    }
}
