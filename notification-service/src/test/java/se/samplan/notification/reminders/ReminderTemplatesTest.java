package se.samplan.notification.reminders;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderTemplatesTest {

    @Test
    void everyKindRendersInSwedishAndEnglishWithBothPartsTheLinkAndTheUnsubscribeLink() throws Exception {
        Path samples = Files.createDirectories(Path.of("target", "sample-emails"));
        for (String kind : new String[]{"due-soon", "overdue", "report-due", "report-overdue"}) {
            for (boolean english : new boolean[]{false, true}) {
                ReminderTemplates.Rendered email = ReminderTemplates.render(kind, english, "Lena Lind", "Förnyelse av hemsida",
                        "Kommunikationsplan Finsam Lekeberg och Örebro", LocalDate.of(2022, 3, 31),
                        "http://127.0.0.1:8080/activities/a-1", "http://127.0.0.1:8080/api/notifications/unsubscribe?token=t");
                assertThat(email.text()).contains("2022-03-31", "http://127.0.0.1:8080/activities/a-1", "unsubscribe?token=t");
                assertThat(email.html()).contains("lang=\"" + (english ? "en" : "sv") + "\"", "href=\"http://127.0.0.1:8080/activities/a-1\"",
                        "Förnyelse av hemsida");
                assertThat(email.text()).startsWith(english ? "Hello Lena Lind," : "Hej Lena Lind!");
                // Kept as a file for people to read what goes out.
                Files.writeString(samples.resolve(kind + (english ? ".en" : ".sv") + ".txt"),
                        "Subject: " + email.subject() + "\n\n" + email.text());
            }
        }
    }
}
