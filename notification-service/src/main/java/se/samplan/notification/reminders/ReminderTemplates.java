package se.samplan.notification.reminders;

import org.springframework.web.util.HtmlUtils;

import java.time.LocalDate;

/**
 * The reminder emails in Swedish (the default) and English: a plain-text and an HTML part, a link
 * to the item through the gateway and an unsubscribe link. Dates are written 2026-11-22.
 */
final class ReminderTemplates {

    /** A rendered email. */
    record Rendered(String subject, String text, String html) { }

    private ReminderTemplates() {
    }

    static Rendered render(String kind, boolean english, String name, String item, String plan, LocalDate due,
                           String link, String unsubscribe) {
        String subject;
        String lead;
        switch (kind) {
            case "due-soon" -> {
                subject = english ? "Due soon: " + item : "Snart dags: " + item;
                lead = english ? "\"" + item + "\" in the plan \"" + plan + "\" is due on " + due + "."
                        : "\"" + item + "\" i planen \"" + plan + "\" ska vara klar " + due + ".";
            }
            case "overdue" -> {
                subject = english ? "Overdue: " + item : "Försenad: " + item;
                lead = english ? "\"" + item + "\" in the plan \"" + plan + "\" was due on " + due + " and is not marked done."
                        : "\"" + item + "\" i planen \"" + plan + "\" skulle vara klar " + due + " men är inte markerad som klar.";
            }
            case "report-due" -> {
                subject = english ? "Report due: " + item : "Rapport att lämna: " + item;
                lead = english ? "The report \"" + item + "\" on \"" + plan + "\" is due on " + due + "."
                        : "Rapporten \"" + item + "\" om \"" + plan + "\" ska lämnas senast " + due + ".";
            }
            case "report-overdue" -> {
                subject = english ? "Report overdue: " + item : "Rapport försenad: " + item;
                lead = english ? "The report \"" + item + "\" on \"" + plan + "\" was due on " + due + " and is not submitted."
                        : "Rapporten \"" + item + "\" om \"" + plan + "\" skulle ha lämnats " + due + " men är inte inlämnad.";
            }
            default -> throw new IllegalArgumentException("No template for " + kind);
        }
        String greeting = english ? "Hello " + name + "," : "Hej " + name + "!";
        String open = english ? "Open it in Samplan" : "Öppna i Samplan";
        String footer = english ? "You get this because you are responsible in Samplan. Unsubscribe:"
                : "Du får det här eftersom du är ansvarig i Samplan. Avregistrera:";
        String text = greeting + "\n\n" + lead + "\n\n" + open + ": " + link + "\n\n-- \n" + footer + " " + unsubscribe + "\n";
        String html = """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><title>%s</title></head><body>
                <p>%s</p>
                <p>%s</p>
                <p><a href="%s">%s</a></p>
                <hr><p style="font-size:smaller">%s <a href="%s">%s</a></p>
                </body></html>
                """.formatted(english ? "en" : "sv", esc(subject), esc(greeting), esc(lead), esc(link), esc(open), esc(footer),
                esc(unsubscribe), english ? "Unsubscribe" : "Avregistrera");
        return new Rendered(subject, text, html);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
