package se.samplan.plan.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import se.samplan.plan.plan.PlanImport;
import se.samplan.plan.web.Caller;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a whole plan from the documented format (docs/import.md), as JSON or YAML. A dry run
 * reports every problem item by item; an import with an invalid value, or with a flagged one the
 * caller did not accept, stores nothing; an accepted flagged value is imported as not known.
 */
@RestController
@RequestMapping("/api/plans/imports")
@Tag(name = "Import")
class PlanImportController {

    static final String YAML = "application/yaml";
    private static final Set<String> YAML_SUBTYPES = Set.of("yaml", "x-yaml");

    /** What a dry run or an import found; {@code planId} is the new plan's, after an import. */
    record ImportReport(boolean dryRun, boolean importable, String planId, long invalid, long flagged, long accepted,
                        List<ImportProblem> problems) {

        static ImportReport of(boolean dryRun, String planId, List<ImportProblem> problems) {
            long invalid = problems.stream().filter(p -> !p.flagged()).count();
            long flagged = problems.stream().filter(ImportProblem::flagged).count();
            long accepted = problems.stream().filter(ImportProblem::accepted).count();
            return new ImportReport(dryRun, invalid == 0 && accepted == flagged, planId, invalid, flagged, accepted, problems);
        }
    }

    private final PlanImport plans;
    private final ObjectReader json;
    private final ObjectReader yaml;

    PlanImportController(PlanImport plans, ObjectMapper mapper) {
        this.plans = plans;
        this.json = mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.yaml = new YAMLMapper().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, YAML, "application/x-yaml", "text/yaml", "text/x-yaml"})
    @Operation(summary = "Import a plan (JSON or YAML, see docs/import.md), or with dryRun=true report its problems",
            description = "Every problem names its row (e.g. milestones[0], from 0), field, value and kind: INVALID, or "
                    + "a flagged UNKNOWN_DATE. Without dryRun an INVALID value is a 400 and an unaccepted flagged one a 422, "
                    + "both application/problem+json listing the problems, and nothing is stored. acceptFlagged=true (or "
                    + "accept=<row>,…) imports flagged values as not known. The plan is drafted for the caller's "
                    + "association: all of it in one transaction, or nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = YAML, schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))}),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The dry run's report"),
                    @ApiResponse(responseCode = "201", description = "Imported; Location names the plan"),
                    @ApiResponse(responseCode = "400", description = "Unreadable, or an INVALID value: nothing stored",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "422", description = "Flagged values not accepted: nothing stored",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    ResponseEntity<?> importPlan(Caller caller, @RequestBody byte[] body,
                                 @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                                 @Parameter(description = "Only report; store nothing")
                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                 @Parameter(description = "Import every flagged value as not known")
                                 @RequestParam(defaultValue = "false") boolean acceptFlagged,
                                 @Parameter(description = "Rows whose flagged values are imported as not known")
                                 @RequestParam(required = false) List<String> accept) {
        // An import drafts a plan and may present, decide and share it: the owner's work, dry run or not.
        caller.require(Caller.Work.PLAN);
        JsonNode root;
        try {
            root = (YAML_SUBTYPES.contains(contentType.getSubtype()) ? yaml : json).readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            return problem(HttpStatus.BAD_REQUEST, "The body is not readable " + contentType.getSubtype().toUpperCase()
                    + where + ": " + e.getOriginalMessage(), List.of());
        } catch (IOException e) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not readable", List.of());
        }
        if (root == null || !root.isObject()) {
            return problem(HttpStatus.BAD_REQUEST, "A plan to import is one object with a title", List.of());
        }

        PlanImportReader.Reading reading = PlanImportReader.read(root);
        List<ImportProblem> problems = accepted(reading.problems(), acceptFlagged, accept == null ? List.of() : accept);
        boolean invalid = problems.stream().anyMatch(p -> !p.flagged());
        if (dryRun) {
            if (!invalid) {
                try {
                    plans.rehearse(caller, reading.content());
                } catch (PlanImport.Refused refused) {
                    problems = new ArrayList<>(problems);
                    problems.add(refusal(refused));
                }
            }
            return ResponseEntity.ok(ImportReport.of(true, null, problems));
        }
        if (invalid) {
            return problem(HttpStatus.BAD_REQUEST, "The plan has invalid values: nothing was imported", problems);
        }
        if (problems.stream().anyMatch(p -> p.flagged() && !p.accepted())) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Some values are flagged: accept them (acceptFlagged=true or accept=<row>) to import them as not known; nothing was imported",
                    problems);
        }
        PlanImport.Imported imported;
        try {
            imported = plans.create(caller, reading.content());
        } catch (PlanImport.Refused refused) {
            List<ImportProblem> all = new ArrayList<>(problems);
            all.add(refusal(refused));
            return problem(HttpStatus.BAD_REQUEST, "The plan has invalid values: nothing was imported", all);
        }
        return ResponseEntity.created(URI.create("/api/plans/" + imported.planId()))
                .eTag("\"" + imported.sequence() + "\"")
                .body(ImportReport.of(false, imported.planId(), problems));
    }

    /** Marks the flagged problems the caller accepted: all of them, or those of the named rows. */
    static List<ImportProblem> accepted(List<ImportProblem> problems, boolean all, List<String> rows) {
        Set<String> accepted = Set.copyOf(rows.stream().map(String::strip).toList());
        return problems.stream()
                .map(p -> p.flagged() && (all || accepted.contains(p.row())) ? p.accept() : p)
                .toList();
    }

    private static ImportProblem refusal(PlanImport.Refused refused) {
        return ImportProblem.invalid(refused.row().isEmpty() ? PlanImportReader.PLAN_ROW : refused.row(),
                refused.itemField(), null, refused.getMessage());
    }

    /** RFC 9457: the problems, and {@code errors} naming each field as the rest of the API does. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<ImportProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.UNPROCESSABLE_ENTITY ? "Import needs acceptance" : "Invalid import");
        problem.setProperty("problems", problems);
        problem.setProperty("errors", problems.stream().filter(p -> !p.accepted())
                .map(p -> Map.of("field", p.row() + "." + p.field(), "message", p.message())).toList());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
