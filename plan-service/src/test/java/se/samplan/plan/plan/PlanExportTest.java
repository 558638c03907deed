package se.samplan.plan.plan;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import se.samplan.events.plan.*;
import se.samplan.plan.DomainRuleViolated;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samplan.plan.plan.PlanExport.Language.EN;
import static se.samplan.plan.plan.PlanExport.Language.SV;

/** The renderer alone: well-formed XHTML whatever the plan's text, empty parts left out, every glyph printed. */
class PlanExportTest {

    @Test
    void textIsEscapedAndTheResultIsWellFormedXhtml() throws Exception {
        PlanDocument plan = created("<script>alert('x')</script> & Co", null, null);
        plan.apply(new PlanSectionWritten("p", "sco", PlanSection.BACKGROUND, "Rad ett\nrad två\u0001 <b>fet</b>\n\nNytt stycke"));
        plan.apply(new AudienceAdded("p", "sco", "a", "Chefer \"hos\" parterna", "Veta", null, "Agera"));

        String html = PlanExport.html(plan.view(2), SV);

        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(html).doesNotContain("<script>", "<b>", "\u0001")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co")
                .contains("<p>Rad ett<br/>rad två &lt;b&gt;fet&lt;/b&gt;</p>\n<p>Nytt stycke</p>")
                .contains("<td>Chefer &quot;hos&quot; parterna</td><td>Veta</td><td></td><td>Agera</td>");
    }

    @Test
    void emptyPartsAreLeftOut() {
        String html = PlanExport.html(created("Tom plan", null, null).view(0), SV);

        assertThat(html).doesNotContain("<h2>", ">Period<").contains("<h1>Tom plan</h1>", "<th>Status</th><td>Utkast</td>");
    }

    @Test
    void theLanguageIsSvOrEnAndNothingElse() {
        assertThat(PlanExport.Language.of("sv")).isEqualTo(SV);
        assertThat(PlanExport.Language.of("en")).isEqualTo(EN);
        assertThatThrownBy(() -> PlanExport.Language.of("xx")).isInstanceOf(DomainRuleViolated.class)
                .extracting(e -> ((DomainRuleViolated) e).field()).isEqualTo("lang");
    }

    @Test
    void swedishLettersTheEnDashAndGlyphsBeyondWinAnsiComeOutOfThePdfAsWritten() throws Exception {
        String text = "Målgrupp Känna Örebro café – Sámi: ŋ đ ŧ, Łódź, ≥ 3 → klart";
        PlanDocument plan = created(text, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 22));
        plan.apply(new MilestoneAdded("p", "sco", "m", "Lansering", LocalDate.of(2026, 11, 22), null, Rating.R));

        try (PDDocument pdf = Loader.loadPDF(PlanExport.pdf(plan.view(1), SV))) {
            String extracted = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(extracted).contains(text, "2026-01-01 – 2026-11-22", "Lansering 2026-11-22 ? R – större frågor")
                    .doesNotContain("#");
        }
    }

    private static PlanDocument created(String title, LocalDate start, LocalDate end) {
        PlanDocument plan = new PlanDocument();
        plan.apply(new PlanCreated("p", "sco", title, start, end, "person-7"));
        return plan;
    }
}
