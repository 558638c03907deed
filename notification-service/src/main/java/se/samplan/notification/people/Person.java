package se.samplan.notification.people;

import java.util.List;

/**
 * Someone reminders go to, with their preferences. {@code personId} is the person's user id (the
 * token's subject) as events name people; name and address exist only here.
 */
public record Person(String personId, String associationId, String name, String email, String language,
                     List<String> roles, boolean dueSoon, boolean overdue, boolean reportDue, boolean digest,
                     Integer leadDays, boolean unsubscribed, boolean emailRejected) {

    public boolean english() {
        return "en".equals(language);
    }

    /** Whether this person wants reminders of the kind (due-soon, overdue, report-due, digest). */
    public boolean wants(String kind) {
        if (unsubscribed || emailRejected) {
            return false;
        }
        return switch (kind) {
            case "due-soon" -> dueSoon;
            case "overdue" -> overdue;
            case "report-due", "report-overdue" -> reportDue;
            case "digest" -> digest;
            default -> true;
        };
    }
}
