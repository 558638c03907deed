package se.samplan.notification.email;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EmailDispatcherTest {

    private final MailProperties properties = new MailProperties("from@samplan.local", "http://localhost", "{association}@x",
            10, Duration.ofSeconds(5), Duration.ofMinutes(10), true, 1, Duration.ofMinutes(2));
    private final EmailDispatcher dispatcher = new EmailDispatcher(null, null, properties, null, null, null, null, null);

    @Test
    void backoffDoublesUpToTheMaximum() {
        assertThat(dispatcher.backoff(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(dispatcher.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(dispatcher.backoff(40)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void onlyA5xxRejectionIsPermanent() throws Exception {
        InternetAddress address = new InternetAddress("nobody@samplan.local");
        // As the SMTP transport itself throws them, on the connection a round of emails shares.
        assertThat(EmailDispatcher.isPermanentRejection(new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(address, "RCPT TO", 550, "5.1.1 no such user")))).isTrue();
        assertThat(EmailDispatcher.isPermanentRejection(new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(address, "RCPT TO", 451, "4.3.0 try again later")))).isFalse();
        assertThat(EmailDispatcher.isPermanentRejection(new MessagingException("Connection refused"))).isFalse();
        assertThat(EmailDispatcher.isPermanentRejection(new SMTPSendFailedException("DATA", 554, "5.6.0 message refused",
                null, null, null, null))).isTrue();
    }
}
