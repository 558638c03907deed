package se.samplan.plan.plan;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import se.samplan.plan.web.Caller;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A plan's complete history, for a public-records request or an archive: as JSON and as PDF. */
@RestController
@RequestMapping("/api/plans/{planId}")
@Tag(name = "Plan history")
class PlanHistoryController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Stockholm"));

    private final EventStore eventStore;
    private final PlanReads reads;

    PlanHistoryController(EventStore eventStore, PlanReads reads) {
        this.eventStore = eventStore;
        this.reads = reads;
    }

    @GetMapping("/history")
    @Operation(summary = "Every event of the plan: what (in Swedish), who, when")
    List<PlanHistory.Entry> history(Caller caller, @PathVariable String planId) {
        reads.readable(caller, planId);
        return PlanHistory.of(eventStore.readEvents(planId).asStream());
    }

    @GetMapping(value = "/history.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The plan's history as a PDF document")
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable String planId) {
        PlanView plan = reads.readable(caller, planId);
        byte[] pdf = render(plan, PlanHistory.of(eventStore.readEvents(planId).asStream()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.attachment().filename("plan-" + planId + "-historik.pdf").build().toString())
                .body(pdf);
    }

    static byte[] render(PlanView plan, List<PlanHistory.Entry> entries) {
        StringBuilder rows = new StringBuilder();
        for (PlanHistory.Entry entry : entries) {
            rows.append("<tr><td>").append(entry.sequence() + 1).append("</td><td>").append(WHEN.format(entry.at()))
                    .append("</td><td>").append(esc(entry.actor())).append("</td><td>").append(esc(entry.text()))
                    .append("</td></tr>\n");
        }
        String html = """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="sv"><head><meta charset="UTF-8"/>
                <title>Historik</title>
                <style>
                  @page { size: A4; margin: 18mm 15mm; @bottom-right { content: "Sida " counter(page) " av " counter(pages); font-size: 8pt; } }
                  body { font-family: "Liberation Sans", Helvetica, sans-serif; font-size: 9.5pt; color: #111; }
                  h1 { font-size: 16pt; margin: 0 0 2mm 0; }
                  p.meta { color: #333; margin: 0 0 5mm 0; }
                  table { width: 100%%; border-collapse: collapse; }
                  th { text-align: left; border-bottom: 1.5px solid #111; padding: 2mm 1.5mm; }
                  td { vertical-align: top; border-bottom: 0.5px solid #999; padding: 1.5mm; }
                  td:first-child { width: 8mm; } td:nth-child(2) { width: 28mm; } td:nth-child(3) { width: 32mm; }
                </style></head>
                <body>
                <h1>Historik: %s</h1>
                <p class="meta">Förbund: %s · Plan-id: %s · Version %d, status %s · %d händelser.
                Personer anges med sitt användar-id; namn och adresser finns inte i händelserna.</p>
                <table><thead><tr><th>#</th><th>När</th><th>Vem</th><th>Vad</th></tr></thead>
                <tbody>
                %s</tbody></table>
                </body></html>
                """.formatted(esc(plan.title()), esc(plan.associationId()), esc(plan.planId()), plan.version(), plan.status(),
                entries.size(), rows);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            PlanExport.useFont(builder);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
