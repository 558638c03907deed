package se.samplan.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL from the embedded binaries, its data directory under the stack's, so data survives a
 * restart; one database per service. Unlike the test kit's, it runs with fsync on.
 */
final class Postgres {

    static final List<String> DATABASES = List.of("plan", "activity", "reporting", "notification");

    private Postgres() {
    }

    static EmbeddedPostgres start(StackConfig config) throws IOException, SQLException {
        Path data = config.dataDir().resolve("postgres");
        Files.createDirectories(data.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(config.postgresPort())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                // Room for the reporting projections' indexes (random uuid keys touch any page): with the default
                // 128 MB a backend reads and writes back a page for many of the rows it inserts. As docker-compose.
                .setServerConfig("shared_buffers", "1GB")
                // Each statement's time and WAL, for `CREATE EXTENSION pg_stat_statements` (the bench's replay reads them).
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : DATABASES) {
                boolean exists;
                try (var query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    query.setString(1, database);
                    exists = query.executeQuery().next();
                }
                if (!exists) {
                    connection.createStatement().execute("CREATE DATABASE " + database);
                }
            }
        }
        return postgres;
    }

    static String url(StackConfig config, String database) {
        return "jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/" + database;
    }
}
