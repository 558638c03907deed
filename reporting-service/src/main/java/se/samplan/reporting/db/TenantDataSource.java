package se.samplan.reporting.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.AbstractDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The service's one DataSource, and the one place the association is set: a connection for the
 * system comes from the system role's pool (BYPASSRLS); any other from the request role's pool,
 * with {@code samplan.association} set to the thread's association, or emptied when there is none,
 * on every checkout. A Spring transaction takes its connection once, at its start, so the whole
 * transaction runs for the association that was bound then; a statement outside one is its own
 * transaction with its own checkout. The setting is written on every checkout, so a pooled
 * connection never keeps an association from an earlier use, and the request role cannot reach
 * the system pool by any SQL: the two are separate logins.
 */
public final class TenantDataSource extends AbstractDataSource implements AutoCloseable {

    static final String SETTING = "samplan.association";

    private final HikariDataSource request;
    private final HikariDataSource system;

    TenantDataSource(HikariDataSource request, HikariDataSource system) {
        this.request = request;
        this.system = system;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Tenancy.Binding binding = Tenancy.current();
        if (binding != null && binding.system()) {
            return system.getConnection();
        }
        Connection connection = request.getConnection();
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('" + SETTING + "', ?, false)")) {
            // Empty, not absent, when no association is bound: the policies treat both as nobody.
            set.setString(1, binding == null ? "" : binding.associationId());
            set.execute();
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) {
        throw new UnsupportedOperationException("The roles are the service's configuration, not the caller's");
    }

    @Override
    public void close() {
        request.close();
        system.close();
    }
}
