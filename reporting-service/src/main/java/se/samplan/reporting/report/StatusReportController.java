package se.samplan.reporting.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import se.samplan.events.report.ReportContent;
import se.samplan.events.report.ReportPeriod;
import se.samplan.reporting.plan.PlanAccess;
import se.samplan.reporting.web.Caller;
import se.samplan.reporting.web.RequestRejected;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Status reports")
class StatusReportController {

    /** Opens a report: {@code period} 2021-12 (month), 2021-Q4, 2021-H2, 2021 or final; the rest optional. */
    record OpenReport(@NotNull @Size(max = 16) String period, @Size(max = 64) String cadenceId, @Size(max = 300) String title,
                      @Size(max = 300) String recipient) { }

    /** A draft as the author wants it now: title (optional) and the whole content. */
    record EditReport(@Size(max = 300) String title, @NotNull ReportContent content) { }

    /** A report as read: the stored report, and what changed since the previous one. */
    record ReportView(String reportId, String planId, String associationId, String cadenceId, String title, String recipient,
                      ReportPeriod period, String status, ReportContent content, long version, Instant createdAt,
                      String createdBy, Instant updatedAt, Instant submittedAt, String submittedBy, String previousReportId,
                      StatusReports.SincePrevious sincePrevious) { }

    /** A report in a plan's list. */
    record ReportSummary(String reportId, String title, String recipient, ReportPeriod period, String status, String overall,
                         Instant updatedAt, Instant submittedAt) { }

    private final StatusReports reports;
    private final PlanAccess plans;

    StatusReportController(StatusReports reports, PlanAccess plans) {
        this.reports = reports;
        this.plans = plans;
    }

    @PostMapping("/api/reports/plans/{planId}/status-reports")
    @Operation(summary = "Open a status report for a period as a draft, drafted from the plan's and activities' events")
    ResponseEntity<ReportView> open(Caller caller, @PathVariable String planId, @Valid @RequestBody OpenReport body) {
        StatusReports.StoredReport report = reports.open(caller, planId, body.period(), body.cadenceId(), body.title(), body.recipient());
        return ResponseEntity.created(URI.create("/api/reports/status-reports/" + URLEncoder.encode(report.reportId(), StandardCharsets.UTF_8)))
                .eTag(etag(report)).body(view(report));
    }

    @GetMapping("/api/reports/plans/{planId}/status-reports")
    @Operation(summary = "A plan's status reports, newest period first")
    List<ReportSummary> list(Caller caller, @PathVariable String planId) {
        plans.readable(caller, planId);
        return reports.ofPlan(planId).stream().map(r -> new ReportSummary(r.reportId(), r.title(), r.recipient(), r.period(),
                r.status(), r.content().parameters().stream()
                        .filter(p -> p.parameter() == se.samplan.events.report.ParameterRating.Parameter.OVERALL && p.rating() != null)
                        .map(p -> p.rating().name()).findFirst().orElse(null),
                r.updatedAt(), r.submittedAt())).toList();
    }

    @GetMapping("/api/reports/status-reports/{reportId}")
    @Operation(summary = "A status report with what changed since the previous one; its ETag is its version")
    ResponseEntity<ReportView> read(Caller caller, @PathVariable String reportId) {
        StatusReports.StoredReport report = reports.readable(caller, reportId);
        return ResponseEntity.ok().eTag(etag(report)).body(view(report));
    }

    @PutMapping("/api/reports/status-reports/{reportId}")
    @Operation(summary = "Change a draft (If-Match: its ETag); a submitted report is frozen: 409")
    ResponseEntity<ReportView> edit(Caller caller, @PathVariable String reportId,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody EditReport body) {
        StatusReports.StoredReport report = reports.edit(caller, reportId, version(ifMatch), body.title(), body.content());
        return ResponseEntity.ok().eTag(etag(report)).body(view(report));
    }

    @PostMapping("/api/reports/status-reports/{reportId}/submission")
    @Operation(summary = "Submit a draft (If-Match: its ETag): it is frozen from then on")
    ResponseEntity<ReportView> submit(Caller caller, @PathVariable String reportId,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        StatusReports.StoredReport report = reports.submit(caller, reportId, version(ifMatch));
        return ResponseEntity.ok().eTag(etag(report)).body(view(report));
    }

    @GetMapping("/api/reports/status-reports/{reportId}/history")
    @Operation(summary = "Every event of a report: type, who and when")
    List<Map<String, Object>> history(Caller caller, @PathVariable String reportId) {
        reports.readable(caller, reportId);
        return reports.history(reportId);
    }

    private ReportView view(StatusReports.StoredReport r) {
        return new ReportView(r.reportId(), r.planId(), r.associationId(), r.cadenceId(), r.title(), r.recipient(), r.period(),
                r.status(), r.content(), r.version(), r.createdAt(), r.createdBy(), r.updatedAt(), r.submittedAt(), r.submittedBy(),
                r.previousReportId(), reports.sincePrevious(r).orElse(null));
    }

    private static String etag(StatusReports.StoredReport report) {
        return "\"" + report.version() + "\"";
    }

    /** The version an If-Match names: {@code "7"} or {@code W/"7"}; missing is a 428. */
    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw RequestRejected.preconditionRequired("Send If-Match with the ETag of the report you read");
        }
        String tag = ifMatch.strip();
        tag = (tag.startsWith("W/") ? tag.substring(2) : tag).replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw RequestRejected.invalid("If-Match", "Not an ETag of this API: " + ifMatch);
        }
    }

}
