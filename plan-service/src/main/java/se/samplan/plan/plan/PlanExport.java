package se.samplan.plan.plan;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.web.util.HtmlUtils;
import se.samplan.events.plan.MatrixCode;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PlanSection;
import se.samplan.events.plan.Rating;
import se.samplan.events.plan.Scope;
import se.samplan.events.plan.TargetGroupPriority;
import se.samplan.plan.DomainRuleViolated;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plan as a document to read, print or hand to a board: one XHTML page, laid out like the
 * associations' own Word plans, served as it is and rendered to PDF. Swedish unless asked for
 * English; the plan's own texts are never translated. Parts the plan leaves empty are left out.
 */
final class PlanExport {

    private PlanExport() {
    }

    enum Language {
        SV, EN;

        /** The {@code lang} parameter: exactly "sv" or "en". */
        static Language of(String tag) {
            return switch (tag == null ? "" : tag) {
                case "sv" -> SV;
                case "en" -> EN;
                default -> throw new DomainRuleViolated("lang", "lang must be sv or en");
            };
        }

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Every fixed text of the document, Swedish and English side by side. */
    enum Label {
        DOCUMENT("Kommunikationsplan", "Communication plan"),
        ASSOCIATION("Förbund", "Association"),
        PERIOD("Period", "Period"),
        STATUS("Status", "Status"),
        VERSION("Version", "Version"),
        OWNER("Planägare", "Plan owner"),
        PLAN_ID("Plan-id", "Plan id"),
        PEOPLE_BY_ID("Personer anges med sitt användar-id.", "People are named by their user id."),
        DRAFT("Utkast", "Draft"),
        PRESENTED("Presenterad", "Presented"),
        DECIDED("Beslutad", "Decided"),
        REVISING("Under revidering", "Being revised"),
        CLOSED("Avslutad", "Closed"),
        BACKGROUND("Bakgrund", "Background"),
        PURPOSE("Syfte", "Purpose"),
        STRATEGY("Strategi", "Strategy"),
        HORIZONTAL_PRINCIPLES("Horisontella principer", "Horizontal principles"),
        EVALUATION("Uppföljning och utvärdering", "Follow-up and evaluation"),
        GOALS("Övergripande mål", "Overall goals"),
        AUDIENCES("Kommunikationsmål per målgrupp", "Communication goals per audience"),
        AUDIENCE("Målgrupp", "Audience"),
        KNOW("Veta", "Know"),
        FEEL("Känna", "Feel"),
        ACT("Agera", "Act"),
        TARGET_GROUPS("Målgrupper", "Target groups"),
        TARGET_GROUP("Målgrupp", "Target group"),
        PRIORITY("Prioritet", "Priority"),
        SCOPE("Intern/extern", "Internal/external"),
        DESCRIPTION("Beskrivning", "Description"),
        PRIMARY("Primär", "Primary"),
        SECONDARY("Sekundär", "Secondary"),
        EXTERNAL_GROUP("Extern", "External"),
        INTERNAL("Intern", "Internal"),
        EXTERNAL("Extern", "External"),
        CHANNELS("Kanaler", "Channels"),
        CHANNEL("Kanal", "Channel"),
        KEY_MESSAGES("Budskap", "Key messages"),
        KEY_MESSAGE("Budskap", "Message"),
        RISKS("Risker", "Risks"),
        RISK("Risk", "Risk"),
        MITIGATION("Åtgärd", "Mitigation"),
        LIKELIHOOD("Sannolikhet (1–5)", "Likelihood (1–5)"),
        IMPACT("Konsekvens (1–5)", "Impact (1–5)"),
        STAKEHOLDERS("Intressentanalys", "Stakeholder analysis"),
        STAKEHOLDER("Intressent", "Stakeholder"),
        LEGEND("Teckenförklaring", "Legend"),
        CODE_D("Deltar", "Takes part"),
        CODE_E("Elektroniskt (mail och webb)", "Electronically (mail and web)"),
        CODE_P("På papper", "On paper"),
        CODE_NONE("Ingenting", "Nothing"),
        CHECKLIST("Checklista", "Checklist"),
        QUESTION("Fråga", "Question"),
        ANSWER("Svar", "Answer"),
        COMMENT("Kommentar", "Comment"),
        YES("Ja", "Yes"),
        NO("Nej", "No"),
        UNANSWERED("Ej besvarad", "Not answered"),
        PARTNERS("Samverkande förbund", "Partner associations"),
        ACCESS("Behörighet", "Access"),
        READ("Läsa", "Read"),
        CONTRIBUTE("Läsa och bidra", "Read and contribute"),
        MILESTONES("Projektmilstolpar", "Milestones"),
        MILESTONE("Milstolpe", "Milestone"),
        TARGET_DATE("Måldatum", "Target date"),
        FORECAST_DATE("Förväntat slutdatum", "Forecast date"),
        RATING_G("G – inga frågor", "G – no issues"),
        RATING_O("O – några frågor", "O – some issues"),
        RATING_R("R – större frågor", "R – major issues"),
        DECISIONS("Beslut", "Decisions"),
        PRESENTED_ON("Presenterad", "Presented on"),
        PRESENTED_TO("Presenterad för", "Presented to"),
        DECIDED_ON("Beslutad", "Decided on"),
        DECIDED_BY("Beslutad av", "Decided by"),
        PAGE("Sida", "Page"),
        PAGE_OF("av", "of");

        private final String sv;
        private final String en;

        Label(String sv, String en) {
            this.sv = sv;
            this.en = en;
        }

        String in(Language language) {
            return language == Language.SV ? sv : en;
        }
    }

    /** Product columns of the stakeholder matrix that fit across an A4 page with their names whole. */
    private static final int MATRIX_COLUMNS = 6;

    /** A date the plan does not know yet reads as the documents write it. */
    private static final String UNKNOWN = "?";

    /**
     * Liberation Sans, which PDFBox ships in its jar (so it is in every image), embedded as a
     * subset. The PDF's built-in Helvetica only knows WinAnsi: å, ä, ö, é and – come out right, but
     * ł, ŋ, →, ≥ would print as '#'. Liberation Sans has Helvetica's metrics, so the layout is the
     * same; bold is synthesised by the renderer.
     */
    private static final String FONT_FAMILY = "Liberation Sans";
    private static final byte[] FONT = font("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf");

    private static final String STYLE = """
            @page { size: A4; margin: 20mm 18mm 18mm 18mm;
              @bottom-right { content: "{PAGE} " counter(page) " {OF} " counter(pages); font-family: "Liberation Sans", Helvetica, Arial, sans-serif; font-size: 8pt; color: #555; } }
            header, section { display: block; }
            body { font-family: "Liberation Sans", Helvetica, Arial, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; }
            p.kind { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8.5pt; color: #555; margin: 0 0 1mm 0; }
            h1 { font-size: 20pt; line-height: 1.15; margin: 0 0 4mm 0; }
            h2 { font-size: 13pt; margin: 7mm 0 2mm 0; padding-bottom: 1mm; border-bottom: 0.75pt solid #1f4e79; color: #1f4e79; page-break-after: avoid; }
            p { margin: 0 0 2mm 0; }
            ul { margin: 0 0 2mm 0; padding-left: 6mm; }
            li { margin-bottom: 1mm; }
            table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 2mm 0; -fs-table-paginate: paginate; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.5mm; border: 0.5pt solid #9aa5b1; word-wrap: break-word; overflow-wrap: break-word; }
            th { background: #e8eef4; font-weight: bold; }
            table.facts { width: auto; table-layout: auto; margin-bottom: 1mm; }
            table.facts th, table.facts td { border: none; background: none; padding: 0.4mm 6mm 0.4mm 0; }
            p.note { font-size: 8.5pt; color: #555; }
            td.num, td.code { text-align: center; }
            table.matrix { margin-bottom: 3mm; }
            table.matrix th.code { text-align: center; font-size: 9pt; padding-left: 0.8mm; padding-right: 0.8mm; }
            p.legend { font-size: 8.5pt; color: #333; }
            span.light { display: inline-block; width: 2.6mm; height: 2.6mm; border-radius: 50%; margin-right: 1.5mm; vertical-align: -0.3mm;
              -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            span.light-g { background: #2e7d32; } span.light-o { background: #ef8f00; } span.light-r { background: #c62828; }
            @media screen { body { max-width: 180mm; margin: 10mm auto; padding: 0 8mm; } }
            @media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
            """;

    /** The plan as a well-formed XHTML page (also valid HTML), in the given language. */
    static String html(PlanView plan, Language language) {
        return new Page(language).render(plan);
    }

    /** The same page as a PDF. */
    static byte[] pdf(PlanView plan, Language language) {
        return pdf(html(plan, language));
    }

    private static byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            useFont(builder);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One rendering: the page being written and the language it is written in. */
    private static final class Page {

        private final Language language;
        private final StringBuilder out = new StringBuilder(16_384);

        Page(Language language) {
            this.language = language;
        }

        String render(PlanView plan) {
            out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(language.tag())
                    .append("\" xml:lang=\"").append(language.tag()).append("\">\n<head>\n<meta charset=\"UTF-8\"/>\n")
                    .append("<title>").append(esc(plan.title())).append("</title>\n<style>\n")
                    .append(STYLE.replace("{PAGE}", t(Label.PAGE)).replace("{OF}", t(Label.PAGE_OF))).append("</style>\n</head>\n<body>\n");
            header(plan);
            section(plan, PlanSection.BACKGROUND, Label.BACKGROUND);
            section(plan, PlanSection.PURPOSE, Label.PURPOSE);
            goals(plan);
            audiences(plan);
            targetGroups(plan);
            section(plan, PlanSection.STRATEGY, Label.STRATEGY);
            channels(plan);
            keyMessages(plan);
            section(plan, PlanSection.HORIZONTAL_PRINCIPLES, Label.HORIZONTAL_PRINCIPLES);
            risks(plan);
            stakeholderMatrix(plan);
            milestones(plan);
            section(plan, PlanSection.EVALUATION, Label.EVALUATION);
            checklist(plan);
            partners(plan);
            decisions(plan);
            out.append("</body>\n</html>\n");
            return out.toString();
        }

        private void header(PlanView plan) {
            out.append("<header>\n<p class=\"kind\">").append(t(Label.DOCUMENT)).append("</p>\n<h1>")
                    .append(esc(plan.title())).append("</h1>\n<table class=\"facts\"><tbody>\n");
            fact(Label.ASSOCIATION, plan.associationId());
            if (plan.periodStart() != null || plan.periodEnd() != null) {
                fact(Label.PERIOD, date(plan.periodStart()) + " – " + date(plan.periodEnd()));
            }
            fact(Label.STATUS, word(status(plan.status())));
            fact(Label.VERSION, String.valueOf(plan.version()));
            fact(Label.OWNER, plan.ownerId());
            fact(Label.PLAN_ID, plan.planId());
            out.append("</tbody></table>\n<p class=\"note\">").append(t(Label.PEOPLE_BY_ID)).append("</p>\n</header>\n");
        }

        private void fact(Label label, String value) {
            if (present(value)) {
                out.append("<tr><th>").append(t(label)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
            }
        }

        private void section(PlanView plan, PlanSection section, Label heading) {
            String text = plan.sections().get(section.name());
            if (!present(text)) {
                return;
            }
            open(heading);
            // A blank line starts a new paragraph; a single line break stays a line break.
            for (String paragraph : text.strip().split("\\R\\s*\\R")) {
                out.append("<p>").append(lines(paragraph.strip())).append("</p>\n");
            }
            close();
        }

        private void goals(PlanView plan) {
            if (plan.goals().isEmpty()) {
                return;
            }
            open(Label.GOALS);
            out.append("<ul>\n");
            plan.goals().forEach(goal -> out.append("<li>").append(lines(goal.text())).append("</li>\n"));
            out.append("</ul>\n");
            close();
        }

        private void audiences(PlanView plan) {
            if (plan.audiences().isEmpty()) {
                return;
            }
            open(Label.AUDIENCES);
            table(List.of(col(Label.AUDIENCE, 19), col(Label.KNOW, 27), col(Label.FEEL, 27), col(Label.ACT, 27)),
                    plan.audiences().stream().map(a -> row(a.name(), a.know(), a.feel(), a.act())).toList());
            close();
        }

        private void targetGroups(PlanView plan) {
            if (plan.targetGroups().isEmpty()) {
                return;
            }
            open(Label.TARGET_GROUPS);
            table(List.of(col(Label.TARGET_GROUP, 30), col(Label.PRIORITY, 14), col(Label.SCOPE, 16), col(Label.DESCRIPTION, 40)),
                    plan.targetGroups().stream().map(g -> row(g.name(), word(priority(g.priority())), word(scope(g.scope())),
                            g.description())).toList());
            close();
        }

        private void channels(PlanView plan) {
            if (plan.channels().isEmpty()) {
                return;
            }
            open(Label.CHANNELS);
            table(List.of(col(Label.CHANNEL, 24), col(Label.AUDIENCE, 26), col(Label.PURPOSE, 34), col(Label.SCOPE, 16)),
                    plan.channels().stream().map(c -> row(c.name(), c.audience(), c.purpose(), word(scope(c.scope())))).toList());
            close();
        }

        private void keyMessages(PlanView plan) {
            if (plan.keyMessages().isEmpty()) {
                return;
            }
            open(Label.KEY_MESSAGES);
            table(List.of(col(Label.KEY_MESSAGE, 70), col(Label.AUDIENCE, 30)),
                    plan.keyMessages().stream().map(m -> row(m.text(), m.audience())).toList());
            close();
        }

        private void risks(PlanView plan) {
            if (plan.risks().isEmpty()) {
                return;
            }
            open(Label.RISKS);
            table(List.of(col(Label.RISK, 36), col(Label.MITIGATION, 38), col(Label.LIKELIHOOD, 13, "num"),
                            col(Label.IMPACT, 13, "num")),
                    plan.risks().stream().map(r -> row(r.description(), r.mitigation(), number(r.likelihood()),
                            number(r.impact()))).toList());
            close();
        }

        /**
         * 001's intressentanalys: stakeholders down, information products across, a code per cell.
         * More products than fit across a portrait page are split into parts of at most six
         * columns, each repeating the stakeholders, rather than squeezed until names break.
         */
        private void stakeholderMatrix(PlanView plan) {
            if (plan.stakeholders().isEmpty()) {
                return;
            }
            open(Label.STAKEHOLDERS);
            List<PlanDocument.Named> products = plan.informationProducts();
            int parts = Math.max(1, (products.size() + MATRIX_COLUMNS - 1) / MATRIX_COLUMNS);
            int perPart = Math.max(1, (products.size() + parts - 1) / parts);
            for (int from = 0; from < Math.max(1, products.size()); from += perPart) {
                matrixPart(plan, products.subList(Math.min(from, products.size()), Math.min(from + perPart, products.size())));
            }
            out.append("<p class=\"legend\">").append(t(Label.LEGEND)).append(": D = ").append(t(Label.CODE_D))
                    .append(" · E = ").append(t(Label.CODE_E)).append(" · P = ").append(t(Label.CODE_P))
                    .append(" · – = ").append(t(Label.CODE_NONE)).append("</p>\n");
            close();
        }

        private void matrixPart(PlanView plan, List<PlanDocument.Named> products) {
            double first = products.isEmpty() ? 100 : Math.max(28, Math.min(40, 100 - 12.0 * products.size()));
            double each = products.isEmpty() ? 0 : (100 - first) / products.size();
            out.append("<table class=\"matrix\"><thead><tr>");
            th(t(Label.STAKEHOLDER), first, null);
            products.forEach(product -> th(esc(product.name()), each, "code"));
            out.append("</tr></thead>\n<tbody>\n");
            for (PlanView.MatrixRow row : plan.stakeholderMatrix()) {
                out.append("<tr><td>").append(esc(row.stakeholder())).append("</td>");
                products.forEach(product -> out.append("<td class=\"code\">")
                        .append(code(row.cells().getOrDefault(product.id(), MatrixCode.NONE))).append("</td>"));
                out.append("</tr>\n");
            }
            out.append("</tbody></table>\n");
        }

        private void milestones(PlanView plan) {
            if (plan.milestones().isEmpty()) {
                return;
            }
            open(Label.MILESTONES);
            out.append("<table><thead><tr>");
            th(t(Label.MILESTONE), 35, null);
            th(t(Label.TARGET_DATE), 16, null);
            th(t(Label.FORECAST_DATE), 24, null);
            th(t(Label.STATUS), 25, null);
            out.append("</tr></thead>\n<tbody>\n");
            for (PlanDocument.Milestone m : plan.milestones()) {
                out.append("<tr><td>").append(esc(m.name())).append("</td><td>").append(date(m.targetDate()))
                        .append("</td><td>").append(date(m.forecastDate())).append("</td><td>");
                if (m.status() != null) {
                    out.append("<span class=\"light light-").append(m.status().name().toLowerCase(Locale.ROOT))
                            .append("\"></span>").append(t(rating(m.status())));
                }
                out.append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
            close();
        }

        private void checklist(PlanView plan) {
            if (plan.checklist().isEmpty()) {
                return;
            }
            open(Label.CHECKLIST);
            table(List.of(col(Label.QUESTION, 58), col(Label.ANSWER, 14), col(Label.COMMENT, 28)),
                    plan.checklist().stream().map(item -> row(item.question(),
                            word(item.answer() == null ? Label.UNANSWERED : item.answer() ? Label.YES : Label.NO),
                            item.comment())).toList());
            close();
        }

        private void partners(PlanView plan) {
            if (plan.partners().isEmpty()) {
                return;
            }
            open(Label.PARTNERS);
            table(List.of(col(Label.ASSOCIATION, 60), col(Label.ACCESS, 40)),
                    plan.partners().stream().map(p -> row(p.associationId(),
                            word(p.access() == PartnerAccess.CONTRIBUTE ? Label.CONTRIBUTE : Label.READ))).toList());
            close();
        }

        /** Each decided version, and the current version's presentation (a revision starts without one). */
        private void decisions(PlanView plan) {
            List<String[]> rows = new ArrayList<>();
            boolean currentDecided = false;
            for (PlanDocument.Decision decision : plan.decisions()) {
                boolean current = decision.version() == plan.version();
                currentDecided |= current;
                rows.add(row(String.valueOf(decision.version()), current ? optionalDate(plan.presentedOn()) : "",
                        current ? plan.presentedTo() : "", date(decision.decidedOn()), decision.decidedBy()));
            }
            if (!currentDecided && plan.presentedOn() != null) {
                rows.add(row(String.valueOf(plan.version()), date(plan.presentedOn()), plan.presentedTo(), "", ""));
            }
            if (rows.isEmpty()) {
                return;
            }
            open(Label.DECISIONS);
            table(List.of(col(Label.VERSION, 12), col(Label.PRESENTED_ON, 17), col(Label.PRESENTED_TO, 27),
                    col(Label.DECIDED_ON, 17), col(Label.DECIDED_BY, 27)), rows);
            close();
        }

        // Building blocks

        private record Column(Label label, double width, String cssClass) {
        }

        private static Column col(Label label, double width) {
            return new Column(label, width, null);
        }

        private static Column col(Label label, double width, String cssClass) {
            return new Column(label, width, cssClass);
        }

        private static String[] row(String... cells) {
            return cells;
        }

        /** A table of plain-text cells; each is escaped here, line breaks kept. */
        private void table(List<Column> columns, List<String[]> rows) {
            out.append("<table><thead><tr>");
            columns.forEach(c -> th(t(c.label()), c.width(), null));
            out.append("</tr></thead>\n<tbody>\n");
            for (String[] row : rows) {
                out.append("<tr>");
                for (int i = 0; i < row.length; i++) {
                    String cssClass = columns.get(i).cssClass();
                    out.append(cssClass == null ? "<td>" : "<td class=\"" + cssClass + "\">").append(lines(row[i])).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody></table>\n");
        }

        /** A header cell; fixed table layout takes the column widths from the header row. */
        private void th(String escapedText, double widthPercent, String cssClass) {
            out.append("<th").append(cssClass == null ? "" : " class=\"" + cssClass + "\"")
                    .append(String.format(Locale.ROOT, " style=\"width: %.1f%%\">", widthPercent))
                    .append(escapedText).append("</th>");
        }

        private void open(Label heading) {
            out.append("<section>\n<h2>").append(t(heading)).append("</h2>\n");
        }

        private void close() {
            out.append("</section>\n");
        }

        /** A label as markup. */
        private String t(Label label) {
            return esc(label.in(language));
        }

        /** A label as a cell's plain text, escaped where the cell is written. */
        private String word(Label label) {
            return label.in(language);
        }
    }

    // Values in words

    private static Label status(String status) {
        return switch (PlanDocument.Status.valueOf(status)) {
            case DRAFT -> Label.DRAFT;
            case PRESENTED -> Label.PRESENTED;
            case DECIDED -> Label.DECIDED;
            case REVISING -> Label.REVISING;
            case CLOSED -> Label.CLOSED;
        };
    }

    private static Label priority(TargetGroupPriority priority) {
        return switch (priority) {
            case PRIMARY -> Label.PRIMARY;
            case SECONDARY -> Label.SECONDARY;
            case EXTERNAL -> Label.EXTERNAL_GROUP;
        };
    }

    private static Label scope(Scope scope) {
        return switch (scope) {
            case INTERNAL -> Label.INTERNAL;
            case EXTERNAL -> Label.EXTERNAL;
        };
    }

    private static Label rating(Rating rating) {
        return switch (rating) {
            case G -> Label.RATING_G;
            case O -> Label.RATING_O;
            case R -> Label.RATING_R;
        };
    }

    private static String code(MatrixCode code) {
        return switch (code) {
            case D -> "D";
            case E -> "E";
            case P -> "P";
            case NONE -> "–";
        };
    }

    private static String date(LocalDate date) {
        return date == null ? UNKNOWN : date.toString();
    }

    private static String number(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String optionalDate(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** Escaped text with its line breaks kept. */
    private static String lines(String text) {
        return Arrays.stream(esc(text).split("\\R", -1)).reduce((a, b) -> a + "<br/>" + b).orElse("");
    }

    /**
     * Text made safe for XHTML: markup escaped, and characters XML 1.0 forbids (control
     * characters, lone surrogates) dropped, since one of them would make the PDF renderer fail.
     */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(PlanExport::allowedInXml).forEach(kept::appendCodePoint);
        return HtmlUtils.htmlEscape(kept.toString(), "UTF-8");
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** Embeds Liberation Sans in a PDF: the history PDF uses it too, so names beyond WinAnsi print. */
    static void useFont(PdfRendererBuilder builder) {
        builder.useFont(() -> new ByteArrayInputStream(FONT), FONT_FAMILY);
    }

    private static byte[] font(String resource) {
        try (InputStream in = PDDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox no longer ships " + resource + ": bundle a font for the plan export");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
