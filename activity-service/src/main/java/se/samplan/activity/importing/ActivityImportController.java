package se.samplan.activity.importing;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samplan.activity.activity.ActivityImport;
import se.samplan.activity.plans.PlanReferences;
import se.samplan.activity.web.Caller;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports an activity plan's rows onto a plan of the caller's association, from CSV or JSON
 * (docs/import.md). A dry run reports every problem row by row; an import with an invalid value,
 * or with a flagged one the caller did not accept, stores nothing; all rows or none are stored.
 */
@RestController
@RequestMapping("/api/activities/imports")
@Tag(name = "Import")
class ActivityImportController {

    static final String CSV = "text/csv";

    /** What a dry run or an import found; {@code activityIds} are the new activities', after an import. */
    record ImportReport(boolean dryRun, boolean importable, int rows, long invalid, long flagged, long accepted,
                        List<String> activityIds, List<ImportProblem> problems) {

        static ImportReport of(boolean dryRun, int rows, List<String> activityIds, List<ImportProblem> problems) {
            long invalid = problems.stream().filter(p -> !p.flagged()).count();
            long flagged = problems.stream().filter(ImportProblem::flagged).count();
            long accepted = problems.stream().filter(ImportProblem::accepted).count();
            return new ImportReport(dryRun, invalid == 0 && accepted == flagged && rows > 0, rows, invalid, flagged,
                    accepted, activityIds, problems);
        }
    }

    private final ActivityImport activities;
    private final PlanReferences plans;
    private final ObjectReader json;

    ActivityImportController(ActivityImport activities, PlanReferences plans, ObjectMapper mapper) {
        this.activities = activities;
        this.plans = plans;
        this.json = mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    @PostMapping(consumes = {CSV, "application/csv", "text/plain", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Import activity rows (CSV or JSON, see docs/import.md) onto a plan, or with dryRun=true report their problems",
            description = "Every problem names its row (CSV: the spreadsheet row, header = 1; JSON: from 1), field, value and "
                    + "kind: INVALID, or flagged UNKNOWN_DATE, AMBIGUOUS_AMOUNT (\"30 0000 kr\"), UNKNOWN_TARGET_GROUP, "
                    + "UNKNOWN_MILESTONE. Without dryRun an INVALID value is a 400 and an unaccepted flagged one a 422, both "
                    + "application/problem+json listing the problems, and nothing is stored. acceptFlagged=true (or "
                    + "accept=<row>,…) imports flagged values as not known and notes them in the comment. All rows in one "
                    + "transaction, or none.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = CSV, schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "array"))}),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The dry run's report"),
                    @ApiResponse(responseCode = "201", description = "Imported: the report with the new activities' ids"),
                    @ApiResponse(responseCode = "400", description = "Unreadable, unknown plan, or an INVALID value: nothing stored",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "422", description = "Flagged values not accepted: nothing stored",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    ResponseEntity<?> importActivities(Caller caller, @RequestBody byte[] body,
                                       @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                                       @Parameter(description = "The plan the activities go on") @RequestParam String planId,
                                       @Parameter(description = "Only report; store nothing")
                                       @RequestParam(defaultValue = "false") boolean dryRun,
                                       @Parameter(description = "Import every flagged value as not known")
                                       @RequestParam(defaultValue = "false") boolean acceptFlagged,
                                       @Parameter(description = "Rows whose flagged values are imported as not known")
                                       @RequestParam(required = false) List<String> accept) {
        caller.require(Caller.Work.ACTIVITIES);
        Optional<PlanReferences.PlanRef> plan = plans.plan(planId).filter(p -> p.associationId().equals(caller.associationId()));
        if (plan.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "No plan " + planId + " of your association is known here (yet)",
                    List.of(ImportProblem.invalid("", "planId", planId, "No plan " + planId + " of your association")));
        }
        ActivityTable.Reading table;
        try {
            table = MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                    ? ActivityTable.json(json.readTree(body))
                    : ActivityTable.csv(body, contentType.getCharset());
        } catch (ActivityTable.Unreadable e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
        } catch (IOException e) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not readable JSON: " + e.getMessage(), List.of());
        }

        ActivityRowReader reader = new ActivityRowReader(plan.get(), plans.targetGroups(planId), plans.milestones(planId));
        List<ImportProblem> found = new ArrayList<>(table.problems());
        List<ActivityImport.Row> rows = new ArrayList<>();
        for (ActivityTable.Row row : table.rows()) {
            ActivityRowReader.Reading reading = reader.read(row);
            found.addAll(reading.problems());
            if (reading.activity() != null) {
                try {
                    activities.check(planId, reading.activity());
                    rows.add(reading.activity());
                } catch (ActivityImport.Refused refused) {
                    found.add(ImportProblem.invalid(refused.row(), refused.rowField(), null, refused.getMessage()));
                }
            }
        }
        if (table.rows().isEmpty()) {
            found.add(ImportProblem.invalid("", "rows", null, "The table has no activity rows"));
        }
        List<ImportProblem> problems = accepted(found, acceptFlagged, accept == null ? List.of() : accept);

        if (dryRun) {
            return ResponseEntity.ok(ImportReport.of(true, table.rows().size(), List.of(), problems));
        }
        if (problems.stream().anyMatch(p -> !p.flagged())) {
            return problem(HttpStatus.BAD_REQUEST, "Some rows have invalid values: nothing was imported", problems);
        }
        if (problems.stream().anyMatch(p -> !p.accepted())) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Some rows have flagged values: accept them (acceptFlagged=true or accept=<row>) to import them as not known; nothing was imported",
                    problems);
        }
        List<String> ids;
        try {
            ids = activities.scheduleAll(caller, planId, rows);
        } catch (ActivityImport.Refused refused) {
            List<ImportProblem> all = new ArrayList<>(problems);
            all.add(ImportProblem.invalid(refused.row(), refused.rowField(), null, refused.getMessage()));
            return problem(HttpStatus.BAD_REQUEST, "A row was refused: nothing was imported", all);
        }
        return ResponseEntity.created(URI.create("/api/activities?planId=" + planId))
                .body(ImportReport.of(false, table.rows().size(), ids, problems));
    }

    /** Marks the flagged problems the caller accepted: all of them, or those of the named rows. */
    static List<ImportProblem> accepted(List<ImportProblem> problems, boolean all, List<String> rows) {
        Set<String> accepted = Set.copyOf(rows.stream().map(String::strip).toList());
        return problems.stream().map(p -> p.flagged() && (all || accepted.contains(p.row())) ? p.accept() : p).toList();
    }

    /** RFC 9457: the problems, and {@code errors} naming each row and field as the rest of the API does. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<ImportProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.UNPROCESSABLE_ENTITY ? "Import needs acceptance" : "Invalid import");
        problem.setProperty("problems", problems);
        problem.setProperty("errors", problems.stream().filter(p -> !p.accepted())
                .map(p -> Map.of("field", p.row().isEmpty() ? p.field() : "rows[" + p.row() + "]." + p.field(),
                        "message", p.message())).toList());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
