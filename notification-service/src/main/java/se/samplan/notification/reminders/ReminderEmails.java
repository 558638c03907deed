package se.samplan.notification.reminders;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samplan.events.EventEnvelope;
import se.samplan.events.SamplanEvent;
import se.samplan.events.activity.ActivityDueSoon;
import se.samplan.events.activity.ActivityOverdue;
import se.samplan.events.report.ReportDue;
import se.samplan.events.report.ReportOverdue;
import se.samplan.notification.directory.Responsibles;
import se.samplan.notification.email.MailProperties;
import se.samplan.notification.email.OutboundEmail;
import se.samplan.notification.email.Outbox;
import se.samplan.notification.intake.EventReaction;
import se.samplan.notification.people.Person;
import se.samplan.notification.people.PersonDirectory;
import se.samplan.notification.people.UnsubscribeTokens;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Turns ActivityDueSoon, ActivityOverdue, ReportDue and ReportOverdue into one email per
 * responsible person. Each is queued under the key (item, occurrence and due date, kind, person),
 * so a redelivered event, a restart or a second instance queues nothing twice.
 */
@Component
class ReminderEmails implements EventReaction {

    private final Outbox outbox;
    private final Responsibles responsibles;
    private final PersonDirectory people;
    private final UnsubscribeTokens tokens;
    private final MailProperties mail;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    ReminderEmails(Outbox outbox, Responsibles responsibles, PersonDirectory people, UnsubscribeTokens tokens,
                   MailProperties mail, JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.responsibles = responsibles;
        this.people = people;
        this.tokens = tokens;
        this.mail = mail;
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void apply(EventEnvelope envelope, SamplanEvent event) {
        if (event instanceof ActivityDueSoon e) {
            activity("due-soon", e.activityId(), e.occurrenceId(), e.dueDate());
        } else if (event instanceof ActivityOverdue e) {
            activity("overdue", e.activityId(), e.occurrenceId(), e.dueDate());
        } else if (event instanceof ReportDue e) {
            report("report-due", e.reportId(), e.associationId(), e.planId(), e.title(), e.dueDate(), e.ownerId());
        } else if (event instanceof ReportOverdue e) {
            report("report-overdue", e.reportId(), e.associationId(), e.planId(), e.title(), e.dueDate(), e.ownerId());
        }
    }

    private void activity(String kind, String activityId, String occurrenceId, LocalDate due) {
        List<java.util.Map<String, Object>> rows = jdbc.queryForList("""
                SELECT a.title, a.association_id, coalesce(p.title, '') AS plan FROM activity_info a
                  LEFT JOIN plan_info p ON p.plan_id = a.plan_id AND p.association_id = a.association_id
                 WHERE a.activity_id = ?""", activityId);
        if (rows.isEmpty()) {
            meters.counter("samplan.reminders.unaddressed", "kind", kind).increment();
            return;
        }
        String title = (String) rows.get(0).get("title");
        String plan = (String) rows.get(0).get("plan");
        List<Person> recipients = responsibles.of(activityId);
        if (recipients.isEmpty()) {
            meters.counter("samplan.reminders.unaddressed", "kind", kind).increment();
        }
        for (Person person : recipients) {
            queue(kind, "activity:" + activityId + ":" + occurrenceId + ":" + due, person, title, plan, due,
                    mail.baseUrl() + "/activities/" + activityId);
        }
    }

    private void report(String kind, String reportId, String associationId, String planId, String title, LocalDate due,
                        String ownerId) {
        String plan = jdbc.queryForList("SELECT title FROM plan_info WHERE plan_id = ? AND association_id = ?", String.class,
                        planId, associationId)
                .stream().findFirst().orElse("");
        people.find(ownerId == null ? "" : ownerId).filter(p -> p.associationId().equals(associationId)).ifPresentOrElse(
                owner -> queue(kind, "report:" + reportId + ":" + due, owner, title, plan, due,
                        mail.baseUrl() + "/plans/" + planId + "/reports"),
                () -> meters.counter("samplan.reminders.unaddressed", "kind", kind).increment());
    }

    private void queue(String kind, String item, Person person, String title, String plan, LocalDate due, String link) {
        if (!person.wants(kind)) {
            return;
        }
        String unsubscribe = tokens.link(mail.baseUrl(), person.personId(), kind);
        ReminderTemplates.Rendered email = ReminderTemplates.render(kind, person.english(), person.name(), title, plan, due,
                link, unsubscribe);
        outbox.queue(OutboundEmail.of(item + ":" + kind + ":" + person.personId(), person.associationId(), kind,
                person.email(), email.subject(), email.text(), email.html(), person.personId(), unsubscribe), notBefore(kind, person, due));
    }

    /** A person who wants due-soon reminders later than the association sends them gets them later. */
    private Instant notBefore(String kind, Person person, LocalDate due) {
        Instant now = clock.instant();
        if (!"due-soon".equals(kind) || person.leadDays() == null) {
            return now;
        }
        Instant preferred = due.minusDays(person.leadDays()).atStartOfDay(ZoneId.of("Europe/Stockholm")).toInstant();
        return preferred.isAfter(now) ? preferred : now;
    }
}
