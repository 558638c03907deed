package se.samplan.notification.people;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The people of each association and their preferences. */
@Component
public class PersonDirectory {

    private static final String COLUMNS = "person_id, association_id, name, email, language, roles, due_soon, overdue, "
            + "report_due, digest, lead_days, unsubscribed, email_rejected IS NOT NULL AS rejected";

    private static final RowMapper<Person> ROW = (rs, row) -> new Person(rs.getString("person_id"),
            rs.getString("association_id"), rs.getString("name"), rs.getString("email"), rs.getString("language"),
            strings(rs.getArray("roles")), rs.getBoolean("due_soon"), rs.getBoolean("overdue"),
            rs.getBoolean("report_due"), rs.getBoolean("digest"), (Integer) rs.getObject("lead_days"),
            rs.getBoolean("unsubscribed"), rs.getBoolean("rejected"));

    private final JdbcTemplate jdbc;

    PersonDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Person> find(String personId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM person WHERE person_id = ?", ROW, personId).stream().findFirst();
    }

    public List<Person> ofAssociation(String associationId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM person WHERE association_id = ? ORDER BY name", ROW, associationId);
    }

    /** The people a responsible entry names: the person itself, or everyone of the association with the role. */
    public List<Person> resolve(String associationId, String kind, String ref) {
        if ("PERSON".equals(kind)) {
            return find(ref).filter(p -> p.associationId().equals(associationId)).stream().toList();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM person WHERE association_id = ? AND ? = ANY (roles) ORDER BY person_id",
                ROW, associationId, ref);
    }

    void save(Person person) {
        jdbc.update("""
                        INSERT INTO person (person_id, association_id, name, email, language, roles, due_soon, overdue,
                                            report_due, digest, lead_days, unsubscribed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (person_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
                            language = EXCLUDED.language, roles = EXCLUDED.roles, due_soon = EXCLUDED.due_soon,
                            overdue = EXCLUDED.overdue, report_due = EXCLUDED.report_due, digest = EXCLUDED.digest,
                            lead_days = EXCLUDED.lead_days, unsubscribed = EXCLUDED.unsubscribed,
                            email_rejected = CASE WHEN person.email = EXCLUDED.email THEN person.email_rejected END""",
                person.personId(), person.associationId(), person.name(), person.email(), person.language(),
                person.roles().toArray(String[]::new), person.dueSoon(), person.overdue(), person.reportDue(),
                person.digest(), person.leadDays(), person.unsubscribed());
    }

    /** The unsubscribe link: no more reminders of the kind, or none at all for {@code all}. */
    void unsubscribe(String personId, String scope) {
        String column = switch (scope) {
            case "due-soon" -> "due_soon = false";
            case "overdue" -> "overdue = false";
            case "report-due" -> "report_due = false";
            case "digest" -> "digest = false";
            default -> "unsubscribed = true";
        };
        jdbc.update("UPDATE person SET " + column + " WHERE person_id = ?", personId);
    }

    /**
     * Erases a person (GDPR): their row, their calendar feed, and their name and address in every
     * email kept for the outbox view. What is still pending for them is not sent.
     */
    void erase(String personId) {
        jdbc.update("""
                UPDATE outbound_email SET recipient = 'raderad@invalid', subject = '[raderat]', body_text = '[raderat]',
                       body_html = '[raderat]', unsubscribe_url = NULL,
                       status = CASE WHEN status = 'PENDING' THEN 'REJECTED' ELSE status END,
                       last_error = CASE WHEN status = 'PENDING' THEN 'person erased' ELSE last_error END
                 WHERE person_id = ?""", personId);
        jdbc.update("DELETE FROM calendar_feed WHERE kind = 'PERSON' AND subject_id = ?", personId);
        jdbc.update("DELETE FROM person WHERE person_id = ?", personId);
    }

    /** The SMTP server refused the address for good: shown in the outbox, no more attempts. */
    public void markRejected(String personId) {
        jdbc.update("UPDATE person SET email_rejected = now() WHERE person_id = ?", personId);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
