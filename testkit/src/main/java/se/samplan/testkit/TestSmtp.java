package se.samplan.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.net.ServerSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A real SMTP server (GreenMail) that accepts every address and keeps what it received. It can be
 * stopped and started again on the same port, to show what a sender does while the server is down.
 */
public final class TestSmtp {

    private final int port;
    private GreenMail greenMail;

    private TestSmtp(int port) {
        this.port = port;
    }

    /** A server on a free loopback port, already running. */
    public static TestSmtp start() {
        TestSmtp smtp = new TestSmtp(freePort());
        smtp.up();
        return smtp;
    }

    /** Starts (again) on the same port; what it received before a {@link #down()} is gone. */
    public synchronized void up() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    /** Stops the server: connections to its port are refused until {@link #up()}. */
    public synchronized void down() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Every message received since the server last started. */
    public synchronized List<MimeMessage> received() {
        return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
    }

    public synchronized void purge() {
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException("Could not purge mailboxes", e);
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
