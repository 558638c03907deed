package se.samplan.activity.importing;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a budget in SEK as Swedish plans write it: "30 000 kr", "30000", "1 250,50 kr", "12 500:-".
 * Digits may be grouped in threes by spaces; a group of another size ("30 0000 kr") could be a typo
 * for 30 000 or 300 000, so it is ambiguous, never guessed. So are "30.000" and "30,000": thousands,
 * or decimals?
 */
final class Amounts {

    /** The amount, or why it is not one: {@code kind} is null for a good amount or an empty cell. */
    record Reading(BigDecimal value, ImportProblem.Kind kind, String message) { }

    private static final Pattern SUFFIX = Pattern.compile("(?i)\\s*(kr\\.?|kronor|sek|:-)$");
    private static final Pattern PREFIX = Pattern.compile("(?i)^sek\\s*");
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:[ \\u00a0\\u202f]+\\d+)*)(?:([.,])(\\d+))?");

    private Amounts() {
    }

    static Reading read(String text) {
        if (text == null || text.isBlank()) {
            return new Reading(null, null, null);
        }
        String amount = PREFIX.matcher(SUFFIX.matcher(text.strip()).replaceFirst("")).replaceFirst("").strip();
        if (amount.startsWith("-") || amount.startsWith("−")) {
            return invalid("A budget is not negative");
        }
        Matcher number = NUMBER.matcher(amount);
        if (!number.matches()) {
            return invalid("Not an amount in SEK: write it as 30000, 30 000 or 30 000 kr");
        }
        String[] groups = number.group(1).split("[ \\u00a0\\u202f]+");
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3 || groups[0].length() > 3) {
                return ambiguous("Its digits are not grouped in threes, so the amount is unclear");
            }
        }
        String decimals = number.group(3);
        if (decimals != null && decimals.length() == 3) {
            return ambiguous("A dot or comma before three digits may be thousands or decimals");
        }
        if (decimals != null && decimals.length() > 2) {
            return invalid("An amount in SEK has at most two decimals (öre)");
        }
        String whole = String.join("", groups);
        if (whole.length() > 13) {
            return invalid("The amount is too large");
        }
        return new Reading(new BigDecimal(decimals == null ? whole : whole + "." + decimals), null, null);
    }

    private static Reading invalid(String message) {
        return new Reading(null, ImportProblem.Kind.INVALID, message);
    }

    private static Reading ambiguous(String message) {
        return new Reading(null, ImportProblem.Kind.AMBIGUOUS_AMOUNT, message);
    }
}
