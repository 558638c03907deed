package se.samplan.reporting.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samplan.reporting.plan.PlanAccess;
import se.samplan.reporting.web.Caller;
import se.samplan.reporting.web.RequestRejected;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;

@RestController
@Tag(name = "Exports")
class ActivityCsvController {

    private final JdbcTemplate jdbc;
    private final PlanAccess plans;

    ActivityCsvController(JdbcTemplate jdbc, PlanAccess plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    /**
     * The activity list as CSV, one row per occurrence: semicolon-separated with a decimal comma and
     * a byte-order mark in Swedish (what Swedish Excel opens as columns), comma and point in English.
     */
    @GetMapping("/api/reports/plans/{planId}/activities.csv")
    @Operation(summary = "A plan's activities, one row per occurrence, as CSV (Swedish unless lang=en); from/to limit the due dates")
    ResponseEntity<byte[]> activities(Caller caller, @PathVariable String planId, @RequestParam(defaultValue = "sv") String lang,
                                      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        Language language = Language.of(lang);
        PlanAccess.PlanRef plan = plans.readable(caller, planId);
        if (from != null && to != null && to.isBefore(from)) {
            throw RequestRejected.invalid("to", "The last day comes on or after the first");
        }
        boolean swedish = language == Language.SV;
        CSVFormat format = CSVFormat.Builder.create(swedish ? CSVFormat.EXCEL.builder().setDelimiter(';').get() : CSVFormat.EXCEL)
                .setHeader(language.text(Label.CSV_ACTIVITY), language.text(Label.CSV_KIND), language.text(Label.CSV_CHANNEL),
                        language.text(Label.CSV_OCCURRENCE), language.text(Label.CSV_DUE), language.text(Label.CSV_STATUS),
                        language.text(Label.CSV_DONE), language.text(Label.CSV_OUTCOME), language.text(Label.CSV_BUDGET),
                        language.text(Label.CSV_COST))
                .get();
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            jdbc.query("""
                    SELECT d.title, d.kind, d.channel, d.budget_sek, o.occurrence_id, o.due_date, o.status, o.done_on, o.outcome, o.cost_sek
                      FROM activity_occurrence o JOIN activity_detail d ON d.activity_id = o.activity_id
                     WHERE o.plan_id = ? AND o.scheduled
                       AND o.association_id = (SELECT p.association_id FROM plan_overview p WHERE p.plan_id = o.plan_id)
                       AND (?::date IS NULL OR o.due_date >= ?::date) AND (?::date IS NULL OR o.due_date <= ?::date)
                     ORDER BY o.due_date NULLS LAST, d.title, o.occurrence_id""", rs -> {
                try {
                    csv.printRecord(rs.getString("title"), rs.getString("kind"), rs.getString("channel"), rs.getString("occurrence_id"),
                            rs.getDate("due_date"), language.status(rs.getString("status")), rs.getDate("done_on"),
                            rs.getString("outcome"), money(rs.getBigDecimal("budget_sek"), swedish), money(rs.getBigDecimal("cost_sek"), swedish));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, planId, date(from), date(from), date(to), date(to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = ((swedish ? "\uFEFF" : "") + out).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename((swedish ? "aktiviteter-" : "activities-") + plan.title() + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static String money(BigDecimal amount, boolean swedish) {
        if (amount == null) {
            return null;
        }
        String plain = amount.toPlainString();
        return swedish ? plain.replace('.', ',') : plain;
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
