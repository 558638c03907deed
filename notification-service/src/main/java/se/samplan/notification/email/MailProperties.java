package se.samplan.notification.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param from              the sender address
 * @param baseUrl           the gateway's public URL, for links in emails
 * @param associationInbox  the address that hears of an association's new plans; {association} is replaced
 * @param batchSize         emails sent per round
 * @param firstRetry        wait after the first failed attempt; doubles per attempt
 * @param maxRetry          the longest wait between attempts
 * @param dispatch          false: queue, but send nothing (an instance that only reads events)
 * @param senders           rounds sent at once; a round sends over one SMTP connection
 * @param lease             how long a round holds its emails: no other sender takes them meanwhile, and the emails
 *                          of a sender that died go out once it has passed; a round starts no send after a quarter of it
 */
@ConfigurationProperties("samplan.mail")
public record MailProperties(
        @DefaultValue("Samplan <noreply@samplan.local>") String from,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("plans@{association}.samplan.local") String associationInbox,
        @DefaultValue("20") int batchSize,
        @DefaultValue("PT5S") Duration firstRetry,
        @DefaultValue("PT10M") Duration maxRetry,
        @DefaultValue("true") boolean dispatch,
        @DefaultValue("4") int senders,
        @DefaultValue("PT2M") Duration lease) {

    public String inboxOf(String associationId) {
        return associationInbox.replace("{association}", associationId);
    }
}
