package se.samplan.events.activity;

import java.util.Objects;

/**
 * Who answers for an activity: a person (by id; personal details live outside events) or a role
 * such as "Förbundschef" or "Referensgrupp" that resolves to people.
 */
public record Responsible(Kind kind, String ref) {

    public enum Kind { PERSON, ROLE }

    public Responsible {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
    }
}
