package se.samplan.reporting.export;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.web.util.HtmlUtils;
import se.samplan.events.plan.Rating;
import se.samplan.events.report.MilestoneRow;
import se.samplan.events.report.ParameterRating;
import se.samplan.events.report.ParameterRating.Parameter;
import se.samplan.events.report.ReportContent;
import se.samplan.events.report.ReportItem;
import se.samplan.events.report.ReportPeriod;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A status report laid out as the template (000): results grouped under their headings, planned
 * actions, user perspective, the parameter table with the overall rating, the milestone table, risks
 * and open questions, and the legend. One XHTML document serves the print page and the PDF.
 * G/O/R is written out as text and shape as well as colour, so it reads in black and white.
 */
public final class ReportDocument {

    /** The report as exported: what the template's header and tables need. */
    public record Report(String title, String planTitle, String associationId, String recipient, ReportPeriod period, String status,
                  LocalDate submittedOn, ReportContent content) {
    }

    private static final String FONT_FAMILY = "Liberation Sans";
    // PDFBox ships Liberation Sans (Helvetica's metrics, far more glyphs than WinAnsi): embedded, so å, ä, ö, – and → print.
    private static final byte[] FONT = font("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf");

    private ReportDocument() {
    }

    public static String html(Report report, Language lang) {
        StringBuilder body = new StringBuilder();
        ReportContent c = report.content();
        body.append("<p class=\"kind\">").append(esc(lang.text(Label.KIND))).append("</p>\n");
        body.append("<h1>").append(esc(report.title())).append("</h1>\n");
        body.append("<p class=\"meta\">").append(esc(lang.text(Label.PLAN))).append(": ").append(esc(report.planTitle()))
                .append(" · ").append(esc(lang.text(Label.ASSOCIATION))).append(": ").append(esc(report.associationId()))
                .append(" · ").append(esc(lang.text(Label.PERIOD))).append(": ").append(report.period().start()).append(" – ")
                .append(report.period().end());
        if (report.recipient() != null) {
            body.append(" · ").append(esc(lang.text(Label.RECIPIENT))).append(": ").append(esc(report.recipient()));
        }
        body.append(" · ").append(esc("SUBMITTED".equals(report.status())
                ? lang.text(Label.SUBMITTED) + " " + report.submittedOn() : lang.text(Label.DRAFT))).append("</p>\n");

        items(body, lang.text(Label.RESULTS), c.results(), lang);
        items(body, lang.text(Label.PLANNED), c.plannedActions(), lang);
        if (c.userPerspective() != null && !c.userPerspective().isBlank()) {
            body.append("<h2>").append(esc(lang.text(Label.USER_PERSPECTIVE))).append("</h2>\n<p>")
                    .append(esc(c.userPerspective()).replace("\n", "<br/>")).append("</p>\n");
        }
        parameters(body, c.parameters(), lang);
        milestones(body, c.milestones(), lang);
        list(body, lang.text(Label.RISKS), c.risks());
        list(body, lang.text(Label.QUESTIONS), c.openQuestions());
        body.append("<p class=\"legend\"><strong>").append(esc(lang.text(Label.LEGEND))).append(":</strong> ");
        for (Rating r : Rating.values()) {
            body.append(badge(r, lang)).append(' ');
        }
        body.append("</p>\n");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="%s"><head><meta charset="UTF-8"/>
                <title>%s</title>
                <style>
                  @page { size: A4; margin: 18mm 16mm 20mm 16mm;
                    @bottom-right { content: "%s " counter(page) " %s " counter(pages); font-family: "Liberation Sans", Helvetica, Arial, sans-serif; font-size: 8pt; color: #555; } }
                  body { font-family: "Liberation Sans", Helvetica, Arial, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; max-width: 180mm; margin: 0 auto; }
                  p.kind { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8.5pt; color: #555; margin: 0 0 1mm 0; }
                  h1 { font-size: 19pt; margin: 0 0 2mm 0; }
                  p.meta { color: #333; margin: 0 0 5mm 0; }
                  h2 { font-size: 13pt; margin: 6mm 0 2mm 0; padding-bottom: 1mm; border-bottom: 0.75pt solid #1f4e79; color: #1f4e79; page-break-after: avoid; }
                  h3 { font-size: 10.5pt; margin: 3mm 0 1mm 0; page-break-after: avoid; }
                  ul { margin: 0 0 2mm 0; padding-left: 6mm; }
                  li { margin: 0 0 1mm 0; }
                  table { width: 100%%; border-collapse: collapse; margin: 1mm 0 3mm 0; page-break-inside: auto; }
                  thead { display: table-header-group; }
                  tr { page-break-inside: avoid; }
                  th, td { border: 0.5pt solid #8a99a8; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
                  th { background: #e8eef4; }
                  td.date { white-space: nowrap; width: 27mm; }
                  span.rating { font-weight: bold; white-space: nowrap; }
                  table.parameters { page-break-inside: avoid; }
                  table.parameters td:first-child { width: 45%%; } table.parameters td:nth-child(2) { width: 25%%; }
                  th.status { width: 34mm; }
                  span.G { color: #1b5e20; } span.O { color: #8a4b00; } span.R { color: #b71c1c; }
                  p.legend { font-size: 8.5pt; color: #333; margin-top: 6mm; }
                  p.moves { font-size: 8.5pt; color: #333; margin: 0.5mm 0 0 0; }
                  @media print { body { max-width: none; } a { color: inherit; } }
                </style></head>
                <body>
                %s</body></html>
                """.formatted(lang.code(), esc(report.title()), lang.text(Label.PAGE), lang.text(Label.OF), body);
    }

    public static byte[] pdf(Report report, Language lang) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(FONT), FONT_FAMILY);
            builder.withHtmlContent(html(report, lang), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines under their headings, in the order the headings first appear (as 000 groups its results). */
    private static void items(StringBuilder body, String heading, List<ReportItem> items, Language lang) {
        if (items.isEmpty()) {
            return;
        }
        body.append("<h2>").append(esc(heading)).append("</h2>\n");
        Map<String, StringBuilder> groups = new LinkedHashMap<>();
        for (ReportItem item : items) {
            StringBuilder line = groups.computeIfAbsent(item.group() == null ? "" : item.group(), g -> new StringBuilder());
            line.append("<li>").append(esc(item.text()));
            if (item.date() != null) {
                line.append(" <span class=\"date\">(").append(item.date()).append(")</span>");
            }
            line.append("</li>\n");
        }
        groups.forEach((group, lines) -> {
            if (!group.isEmpty()) {
                body.append("<h3>").append(esc(group)).append("</h3>\n");
            }
            body.append("<ul>\n").append(lines).append("</ul>\n");
        });
    }

    private static void parameters(StringBuilder body, List<ParameterRating> parameters, Language lang) {
        if (parameters.isEmpty()) {
            return;
        }
        body.append("<h2>").append(esc(lang.text(Label.PARAMETERS))).append("</h2>\n<table class=\"parameters\"><thead><tr><th>")
                .append(esc(lang.text(Label.PARAMETER))).append("</th><th>").append(esc(lang.text(Label.STATUS))).append("</th><th>")
                .append(esc(lang.text(Label.COMMENT))).append("</th></tr></thead><tbody>\n");
        for (ParameterRating p : parameters) {
            body.append("<tr><td>").append(p.parameter() == Parameter.OVERALL ? "<strong>" : "")
                    .append(esc(lang.parameter(p.parameter()))).append(p.parameter() == Parameter.OVERALL ? "</strong>" : "")
                    .append("</td><td>").append(p.rating() == null ? "–" : badge(p.rating(), lang)).append("</td><td>")
                    .append(esc(p.comment())).append("</td></tr>\n");
        }
        body.append("</tbody></table>\n");
    }

    private static void milestones(StringBuilder body, List<MilestoneRow> rows, Language lang) {
        if (rows.isEmpty()) {
            return;
        }
        body.append("<h2>").append(esc(lang.text(Label.MILESTONES))).append("</h2>\n<table><thead><tr><th>")
                .append(esc(lang.text(Label.MILESTONE))).append("</th><th>").append(esc(lang.text(Label.TARGET))).append("</th><th>")
                .append(esc(lang.text(Label.FORECAST))).append("</th><th class=\"status\">").append(esc(lang.text(Label.STATUS)))
                .append("</th></tr></thead><tbody>\n");
        for (MilestoneRow m : rows) {
            body.append("<tr><td>").append(esc(m.name()));
            for (MilestoneRow.ForecastMove move : m.moves()) {
                body.append("<p class=\"moves\">").append(esc(lang.text(Label.MOVED))).append(' ').append(move.on()).append(": ")
                        .append(date(move.previousDate())).append(" → ").append(date(move.newDate()));
                if (move.reason() != null && !move.reason().isBlank()) {
                    body.append(" (").append(esc(move.reason())).append(')');
                }
                body.append("</p>");
            }
            body.append("</td><td class=\"date\">").append(date(m.targetDate())).append("</td><td class=\"date\">")
                    .append(date(m.forecastDate())).append("</td><td>").append(m.status() == null ? "–" : badge(m.status(), lang))
                    .append("</td></tr>\n");
        }
        body.append("</tbody></table>\n");
    }

    private static void list(StringBuilder body, String heading, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        body.append("<h2>").append(esc(heading)).append("</h2>\n<ul>\n");
        lines.forEach(line -> body.append("<li>").append(esc(line)).append("</li>\n"));
        body.append("</ul>\n");
    }

    /** G/O/R as a shape, the letter and its meaning, not colour alone: ● G – inga frågor, ▲ O …, ■ R …. */
    static String badge(Rating rating, Language lang) {
        String shape = switch (rating) {
            case G -> "●";
            case O -> "▲";
            case R -> "■";
        };
        return "<span class=\"rating " + rating + "\">" + shape + " " + rating + "</span> – " + esc(lang.rating(rating));
    }

    private static String date(LocalDate date) {
        return date == null ? "?" : date.toString();
    }

    private static String esc(String text) {
        if (text == null) {
            return "";
        }
        // Control characters other than tab and line breaks are not allowed in XML: the PDF renderer would fail.
        return HtmlUtils.htmlEscape(text.replaceAll("[\\p{Cntrl}&&[^\\t\\n\\r]]", ""), "UTF-8");
    }

    private static byte[] font(String resource) {
        try (InputStream in = ReportDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox no longer ships " + resource + ": bundle a font for report exports");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
