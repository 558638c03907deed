package se.samplan.plan.plan;

import org.junit.jupiter.api.Test;
import se.samplan.events.plan.*;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PlanHistoryTest {

    @Test
    void eventsReadAsSwedishSentences() {
        assertThat(PlanHistory.describe(new AudienceAdded("p", "a", "x", "Chefer", "Veta mer.", null, "Sprida")))
                .isEqualTo("Mottagaren \"Chefer\" lades till. Veta: \"Veta mer.\". Känna: –. Agera: \"Sprida\"");
        assertThat(PlanHistory.describe(new MilestoneForecastChanged("p", "a", "m", null, LocalDate.of(2022, 3, 15), "Lokalen")))
                .isEqualTo("Förväntat slutdatum för en milstolpe flyttades från okänt till 2022-03-15 (Lokalen).");
        assertThat(PlanHistory.describe(new PlanDecided("p", "a", 1, LocalDate.of(2021, 2, 25), "Styrelsen")))
                .isEqualTo("Version 1 beslutades 2021-02-25 av Styrelsen.");
    }
}
