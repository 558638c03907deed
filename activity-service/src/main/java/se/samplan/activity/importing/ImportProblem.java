package se.samplan.activity.importing;

/**
 * One problem an import found in a row. {@code row} is the row's number (a spreadsheet's: the
 * header is row 1; JSON rows count from 1) and is what a caller accepts; every kind but
 * {@link Kind#INVALID} may be accepted, and the value is then imported as not known.
 *
 * @param accepted whether the caller accepted it
 */
public record ImportProblem(String row, String field, String value, Kind kind, String message, boolean accepted) {

    public enum Kind {
        /** Not a value the format allows; never imported. */
        INVALID,
        /** No date, or "?": imported without a due date. */
        UNKNOWN_DATE,
        /** An amount that can be read more than one way ("30 0000 kr"): imported without a budget. */
        AMBIGUOUS_AMOUNT,
        /** A target group the plan does not have: imported without it. */
        UNKNOWN_TARGET_GROUP,
        /** Scheduled relative to a milestone the plan does not have: imported without a due date. */
        UNKNOWN_MILESTONE
    }

    static ImportProblem invalid(String row, String field, String value, String message) {
        return new ImportProblem(row, field, value, Kind.INVALID, message, false);
    }

    static ImportProblem flag(String row, String field, String value, Kind kind, String message) {
        return new ImportProblem(row, field, value, kind, message, false);
    }

    public boolean flagged() {
        return kind != Kind.INVALID;
    }

    ImportProblem accept() {
        return new ImportProblem(row, field, value, kind, message, true);
    }
}
