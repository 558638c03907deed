package se.samplan.notification.email;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import se.samplan.events.EventEnvelope;
import se.samplan.events.SamplanEvent;
import se.samplan.events.plan.PlanCreated;
import se.samplan.notification.intake.EventReaction;

import java.time.format.DateTimeFormatter;

/** Tells an association's inbox that a plan was drafted (in Swedish, the platform's default language). */
@Component
class PlanCreatedEmail implements EventReaction {

    static final String KIND = "plan-created";

    private final Outbox outbox;
    private final MailProperties properties;

    PlanCreatedEmail(Outbox outbox, MailProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void apply(EventEnvelope envelope, SamplanEvent event) {
        if (!(event instanceof PlanCreated created)) {
            return;
        }
        String recipient = properties.inboxOf(created.associationId());
        String link = properties.baseUrl() + "/plans/" + created.planId();
        String period = created.periodStart() == null || created.periodEnd() == null ? "ej fastställd"
                : DateTimeFormatter.ISO_LOCAL_DATE.format(created.periodStart()) + " – "
                + DateTimeFormatter.ISO_LOCAL_DATE.format(created.periodEnd());
        String text = """
                Hej!

                En ny plan har skapats i Samplan: %s
                Period: %s

                Öppna planen: %s

                Det här meddelandet skickades automatiskt av Samplan.
                """.formatted(created.title(), period, link);
        String html = """
                <!DOCTYPE html>
                <html lang="sv"><body>
                <p>Hej!</p>
                <p>En ny plan har skapats i Samplan: <strong>%s</strong><br>Period: %s</p>
                <p><a href="%s">Öppna planen</a></p>
                <p>Det här meddelandet skickades automatiskt av Samplan.</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(created.title(), "UTF-8"), period, HtmlUtils.htmlEscape(link, "UTF-8"));
        outbox.queue(OutboundEmail.of(envelope.eventId() + ":" + KIND + ":" + recipient, created.associationId(),
                KIND, recipient, "Ny plan: " + created.title(), text, html, null, null));
    }
}
