package se.samplan.plan.importing;

/**
 * One problem an import found. {@code row} names the item (e.g. {@code milestones[0]}, counted
 * from 0) and is what a caller accepts; every kind but {@link Kind#INVALID} may be accepted.
 *
 * @param accepted whether the caller accepted it, so the value is imported as unknown
 */
public record ImportProblem(String row, String field, String value, Kind kind, String message, boolean accepted) {

    public enum Kind {
        /** Not a value the format allows; never imported. */
        INVALID,
        /** A date given as "?" (or "okänt"): imported as not known. */
        UNKNOWN_DATE
    }

    static ImportProblem invalid(String row, String field, String value, String message) {
        return new ImportProblem(row, field, value, Kind.INVALID, message, false);
    }

    public boolean flagged() {
        return kind != Kind.INVALID;
    }

    ImportProblem accept() {
        return new ImportProblem(row, field, value, kind, message, true);
    }
}
