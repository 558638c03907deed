package se.samplan.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, shared by its tests; each caller gets a database of its
 * own from {@link #createDatabase(String)}. Where it comes from, in order:
 * <ol>
 *   <li>{@code SAMPLAN_TEST_POSTGRES_URL} (with {@code _USER}, {@code _PASSWORD}): an external
 *   server, e.g. {@code jdbc:postgresql://localhost:5432/postgres};</li>
 *   <li>Testcontainers' {@code postgres:17}, where a Docker engine answers;</li>
 *   <li>otherwise the embedded PostgreSQL 17 binaries from Maven Central.</li>
 * </ol>
 * PostgreSQL 17 or newer: services set {@code transaction_timeout}.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static volatile TestPostgres instance;

    private final String adminUrl;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String source;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(String adminUrl, String user, String password, String source) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.source = source;
        String afterScheme = adminUrl.substring("jdbc:postgresql://".length());
        String hostPort = afterScheme.substring(0, afterScheme.indexOf('/'));
        int colon = hostPort.lastIndexOf(':');
        this.host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        this.port = colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1));
    }

    /** The JVM's server, started on first use. */
    public static TestPostgres get() {
        TestPostgres current = instance;
        if (current == null) {
            synchronized (TestPostgres.class) {
                current = instance;
                if (current == null) {
                    long started = System.nanoTime();
                    current = start();
                    log.info("PostgreSQL ({}) ready in {} ms", current.source, (System.nanoTime() - started) / 1_000_000);
                    instance = current;
                }
            }
        }
        return current;
    }

    private static TestPostgres start() {
        String external = System.getenv("SAMPLAN_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            return new TestPostgres(external, envOr("SAMPLAN_TEST_POSTGRES_USER", "postgres"),
                    envOr("SAMPLAN_TEST_POSTGRES_PASSWORD", "postgres"), "external");
        }
        if (Docker.available()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17");
            container.start();
            StopLast.onExit("stop-postgres", container::stop);
            return new TestPostgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
        }
        try {
            // Not its own shutdown hook: that would stop the server while the applications under test still close.
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            StopLast.onExit("stop-postgres", () -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    log.warn("Embedded PostgreSQL did not stop cleanly", e);
                }
            });
            return new TestPostgres(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    /**
     * Creates a fresh, empty database and returns its JDBC URL. Tests that each take their own
     * database never see each other's rows, however they are ordered.
     */
    public String createDatabase(String prefix) {
        String name = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + databases.incrementAndGet() + "_"
                + ProcessHandle.current().pid()).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** {@code external}, {@code Testcontainers} or {@code embedded}. */
    public String source() {
        return source;
    }

    static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Docker is probed once per JVM: without an engine it answers false in well under a second. */
    static final class Docker {
        private static Boolean available;

        static synchronized boolean available() {
            if (available == null) {
                boolean answer;
                try {
                    answer = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    answer = false;
                }
                available = answer;
            }
            return available;
        }
    }
}
