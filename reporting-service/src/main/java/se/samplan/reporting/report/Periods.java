package se.samplan.reporting.report;

import se.samplan.events.report.ReportPeriod;
import se.samplan.events.report.ReportPeriod.Kind;
import se.samplan.reporting.web.RequestRejected;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report periods and their keys: {@code 2021-12} a month, {@code 2021-Q4} a quarter, {@code 2021-H2}
 * a half-year, {@code 2021} a year, {@code final} the plan's whole period.
 */
final class Periods {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final String[] MONTHS_SV = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
            "september", "oktober", "november", "december"};

    private Periods() {
    }

    /** The period a key names; a final report covers the plan's period, which must be known. */
    static ReportPeriod parse(String key, LocalDate planStart, LocalDate planEnd) {
        if (key == null || key.isBlank()) {
            throw RequestRejected.invalid("period", "Name the period: 2021-12, 2021-Q4, 2021-H2, 2021 or final");
        }
        String k = key.strip();
        Matcher m;
        if ("final".equalsIgnoreCase(k)) {
            if (planStart == null || planEnd == null) {
                throw RequestRejected.invalid("period", "A final report covers the plan's period, and this plan has none yet");
            }
            return new ReportPeriod(Kind.FINAL, planStart, planEnd);
        } else if ((m = QUARTER.matcher(k)).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2, 1);
            return new ReportPeriod(Kind.QUARTER, start, start.plusMonths(3).minusDays(1));
        } else if ((m = HALF.matcher(k)).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), 6 * Integer.parseInt(m.group(2)) - 5, 1);
            return new ReportPeriod(Kind.HALF_YEAR, start, start.plusMonths(6).minusDays(1));
        } else if (YEAR.matcher(k).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(k), 1, 1);
            return new ReportPeriod(Kind.YEAR, start, start.plusYears(1).minusDays(1));
        }
        try {
            YearMonth month = YearMonth.parse(k);
            return new ReportPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
        } catch (DateTimeParseException e) {
            throw RequestRejected.invalid("period", "'" + key + "' is no period: use 2021-12, 2021-Q4, 2021-H2, 2021 or final");
        }
    }

    static String key(ReportPeriod period) {
        return switch (period.kind()) {
            case MONTH -> YearMonth.from(period.start()).toString();
            case QUARTER -> period.start().getYear() + "-Q" + ((period.start().getMonthValue() - 1) / 3 + 1);
            case HALF_YEAR -> period.start().getYear() + "-H" + (period.start().getMonthValue() <= 6 ? 1 : 2);
            case YEAR -> String.valueOf(period.start().getYear());
            case FINAL -> "final";
        };
    }

    /** The period after this one, for the planned actions; none after a final report. */
    static Optional<ReportPeriod> next(ReportPeriod period) {
        LocalDate start = period.end().plusDays(1);
        return switch (period.kind()) {
            case MONTH -> Optional.of(new ReportPeriod(Kind.MONTH, start, start.plusMonths(1).minusDays(1)));
            case QUARTER -> Optional.of(new ReportPeriod(Kind.QUARTER, start, start.plusMonths(3).minusDays(1)));
            case HALF_YEAR -> Optional.of(new ReportPeriod(Kind.HALF_YEAR, start, start.plusMonths(6).minusDays(1)));
            case YEAR -> Optional.of(new ReportPeriod(Kind.YEAR, start, start.plusYears(1).minusDays(1)));
            case FINAL -> Optional.empty();
        };
    }

    /** Every period of a frequency that overlaps {@code from}..{@code until}, in order. */
    static List<ReportPeriod> between(Cadences.Frequency frequency, LocalDate from, LocalDate until) {
        List<ReportPeriod> periods = new ArrayList<>();
        if (frequency == Cadences.Frequency.FINAL) {
            periods.add(new ReportPeriod(Kind.FINAL, from, until));
            return periods;
        }
        ReportPeriod period = switch (frequency) {
            case MONTHLY -> parse(YearMonth.from(from).toString(), null, null);
            case QUARTERLY -> parse(from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1), null, null);
            case HALF_YEARLY -> parse(from.getYear() + "-H" + (from.getMonthValue() <= 6 ? 1 : 2), null, null);
            case YEARLY -> parse(String.valueOf(from.getYear()), null, null);
            case FINAL -> throw new IllegalStateException();
        };
        while (!period.start().isAfter(until)) {
            periods.add(period);
            period = next(period).orElseThrow();
        }
        return periods;
    }

    /** The title a report gets unless its author gives one, in Swedish: "Statusrapport december 2021". */
    static String title(ReportPeriod period) {
        int year = period.start().getYear();
        return switch (period.kind()) {
            case MONTH -> "Statusrapport " + MONTHS_SV[period.start().getMonthValue() - 1] + " " + year;
            case QUARTER -> "Statusrapport kvartal " + ((period.start().getMonthValue() - 1) / 3 + 1) + " " + year;
            case HALF_YEAR -> (period.start().getMonthValue() <= 6 ? "Halvårsrapport januari–juni " : "Helårsrapport ") + year;
            case YEAR -> "Årsrapport " + year;
            case FINAL -> "Slutrapport";
        };
    }
}
