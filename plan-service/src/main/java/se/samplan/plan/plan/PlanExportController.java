package se.samplan.plan.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samplan.plan.web.Caller;

import java.nio.charset.StandardCharsets;

/**
 * A plan as a document: PDF, or a page to read and print in a browser. No {@code produces}
 * condition: the content type is set on success, so an error is problem+json whatever the client
 * accepts, rather than a 406 to a client that asks for JSON by habit.
 */
@RestController
@RequestMapping("/api/plans/{planId}")
@Tag(name = "Plan export")
class PlanExportController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    /** The page carries its own style and nothing else: no scripts, images or fetches. */
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final PlanReads reads;

    PlanExportController(PlanReads reads) {
        this.reads = reads;
    }

    @GetMapping("/export.pdf")
    @Operation(summary = "The plan as a PDF document, in Swedish unless lang=en; ?version=N for an earlier version")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable String planId,
                               @Parameter(description = "sv or en") @RequestParam(defaultValue = "sv") String lang,
                               @RequestParam(required = false) Integer version) {
        PlanExport.Language language = PlanExport.Language.of(lang);
        PlanView plan = read(caller, planId, version);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, inline(plan, ".pdf"))
                .body(PlanExport.pdf(plan, language));
    }

    @GetMapping("/export.html")
    @Operation(summary = "The plan as a print-friendly HTML page, in Swedish unless lang=en; ?version=N for an earlier version")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
    ResponseEntity<String> html(Caller caller, @PathVariable String planId,
                                @Parameter(description = "sv or en") @RequestParam(defaultValue = "sv") String lang,
                                @RequestParam(required = false) Integer version) {
        PlanExport.Language language = PlanExport.Language.of(lang);
        PlanView plan = read(caller, planId, version);
        return ResponseEntity.ok().contentType(HTML)
                .header(HttpHeaders.CONTENT_DISPOSITION, inline(plan, ".html"))
                .header("Content-Security-Policy", PAGE_POLICY)
                .body(PlanExport.html(plan, language));
    }

    private PlanView read(Caller caller, String planId, Integer version) {
        return version == null ? reads.readable(caller, planId) : reads.readable(caller, planId, version);
    }

    /** Shown in the browser, saved under the plan's title (what a file name may not hold replaced). */
    private static String inline(PlanView plan, String extension) {
        String name = plan.title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", " ").replaceAll("\\s+", " ").strip();
        if (name.codePointCount(0, name.length()) > 100) {
            name = name.substring(0, name.offsetByCodePoints(0, 100)).strip();
        }
        return ContentDisposition.inline().filename((name.isEmpty() ? "plan" : name) + extension, StandardCharsets.UTF_8)
                .build().toString();
    }
}
