package se.samplan.reporting.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samplan.reporting.export.Language;
import se.samplan.reporting.export.ReportDocument;
import se.samplan.reporting.plan.PlanAccess;
import se.samplan.reporting.web.Caller;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

@RestController
@Tag(name = "Exports")
class ReportExportController {

    private final StatusReports reports;
    private final PlanAccess plans;

    ReportExportController(StatusReports reports, PlanAccess plans) {
        this.reports = reports;
        this.plans = plans;
    }

    @GetMapping("/api/reports/status-reports/{reportId}/export.pdf")
    @Operation(summary = "A status report as PDF, laid out as the template; Swedish unless lang=en")
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable String reportId, @RequestParam(defaultValue = "sv") String lang) {
        Language language = Language.of(lang);
        ReportDocument.Report report = document(caller, reportId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(report.title() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(ReportDocument.pdf(report, language));
    }

    @GetMapping("/api/reports/status-reports/{reportId}/export.html")
    @Operation(summary = "A status report as a print-friendly HTML page; Swedish unless lang=en")
    ResponseEntity<String> html(Caller caller, @PathVariable String reportId, @RequestParam(defaultValue = "sv") String lang) {
        Language language = Language.of(lang);
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(ReportDocument.html(document(caller, reportId), language));
    }

    private ReportDocument.Report document(Caller caller, String reportId) {
        StatusReports.StoredReport r = reports.readable(caller, reportId);
        String planTitle = plans.find(r.planId()).map(PlanAccess.PlanRef::title).orElse(r.planId());
        return new ReportDocument.Report(r.title(), planTitle, r.associationId(), r.recipient(), r.period(), r.status(),
                r.submittedAt() == null ? null : LocalDate.ofInstant(r.submittedAt(), Drafter.SWEDEN), r.content());
    }
}
