package se.samplan.plan.association;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import se.samplan.plan.TransitionRejected;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Members' names, addresses and languages: personal data, kept out of the events in one row per
 * member that is blanked when the member is removed. An address is one login on the whole platform.
 */
@Component
class MemberContacts {

    record Contact(String memberId, String associationId, String name, String email, String language, boolean removed) { }

    private static final RowMapper<Contact> ROW = (rs, n) -> new Contact(rs.getString("member_id"),
            rs.getString("association_id"), rs.getString("name"), rs.getString("email"), rs.getString("language"),
            rs.getBoolean("removed"));
    private static final String COLUMNS = "member_id, association_id, name, email, language, removed";

    private final JdbcTemplate jdbc;

    MemberContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Contact> find(String memberId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM member_contact WHERE member_id = ?", ROW, memberId)
                .stream().findFirst();
    }

    /** Whom a login names: a member id, or a current member's address (any case). */
    Optional<Contact> byLogin(String login) {
        return jdbc.query("SELECT " + COLUMNS + " FROM member_contact WHERE member_id = ? OR lower(email) = lower(?) "
                + "ORDER BY removed LIMIT 1", ROW, login, login).stream().findFirst();
    }

    /** The association's current members' contacts by member id. */
    Map<String, Contact> ofAssociation(String associationId) {
        Map<String, Contact> contacts = new LinkedHashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM member_contact WHERE association_id = ? AND NOT removed", ROW, associationId)
                .forEach(c -> contacts.put(c.memberId(), c));
        return contacts;
    }

    /**
     * Keeps a new member's contact; call in the transaction that invites them. A removed member's id
     * may be invited again (anywhere); a current member's id or address may not.
     */
    void add(Contact contact) {
        if (!jdbc.queryForList("SELECT member_id FROM member_contact WHERE lower(email) = lower(?)", String.class,
                contact.email()).isEmpty()) {
            throw new TransitionRejected("email", "Someone on the platform already logs in with " + contact.email());
        }
        int stored;
        try {
            stored = jdbc.update("""
                            INSERT INTO member_contact (member_id, association_id, name, email, language, removed)
                            VALUES (?, ?, ?, ?, ?, false)
                            ON CONFLICT (member_id) DO UPDATE SET association_id = EXCLUDED.association_id,
                                name = EXCLUDED.name, email = EXCLUDED.email, language = EXCLUDED.language, removed = false
                            WHERE member_contact.removed""",
                    contact.memberId(), contact.associationId(), contact.name(), contact.email(), contact.language());
        } catch (DuplicateKeyException raced) {
            throw new TransitionRejected("email", "Someone on the platform already logs in with " + contact.email());
        }
        if (stored == 0) {
            throw new TransitionRejected("memberId", "There already is a member " + contact.memberId());
        }
    }

    /** The member left: their name and address go, the id stays so that their login is refused. */
    void forget(String memberId) {
        jdbc.update("UPDATE member_contact SET name = NULL, email = NULL, removed = true WHERE member_id = ?", memberId);
    }
}
