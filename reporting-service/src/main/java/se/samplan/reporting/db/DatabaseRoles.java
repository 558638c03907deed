package se.samplan.reporting.db;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The request and system roles, around every Flyway run as the owner. Before migrating: a role that
 * is missing is created, and where the owner is a superuser (docker-compose's and the embedded
 * PostgreSQL's) both roles' attributes and passwords are set to the configuration's on every start,
 * so a changed password takes effect. Elsewhere the roles are the database administrator's to create
 * (docs/operations.md). After migrating: the service refuses to start if the request role could
 * escape row-level security (superuser, BYPASSRLS, a member of such a role, or owner of a table).
 * Roles are global to the PostgreSQL server; creating one races with another database's migration,
 * which is why "already exists" counts as done.
 */
final class DatabaseRoles implements Callback {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

    private final Role request;
    private final Role system;

    private record Role(String name, String password, boolean bypass) {
    }

    DatabaseRoles(String requestUser, String requestPassword, String systemUser, String systemPassword) {
        if (requestUser.equals(systemUser)) {
            throw new IllegalArgumentException("The request role and the system role must be two roles");
        }
        this.request = new Role(requestUser, requestPassword, false);
        this.system = new Role(systemUser, systemPassword, true);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "samplan-database-roles";
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            if (event == Event.BEFORE_MIGRATE) {
                prepare(context.getConnection(), request);
                prepare(context.getConnection(), system);
            } else {
                check(context.getConnection());
            }
        } catch (SQLException e) {
            throw new FlywayException("Setting up the roles " + request.name() + " and " + system.name() + " failed: " + e.getMessage(), e);
        }
    }

    private void prepare(Connection connection, Role role) throws SQLException {
        boolean superuser = Boolean.TRUE.equals(single(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        String attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOINHERIT " + (role.bypass() ? "BYPASSRLS" : "NOBYPASSRLS");
        if (single(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role.name()) == null) {
            if (!superuser && role.bypass()) {
                throw new SQLException("The role " + role.name() + " is missing and only a superuser creates a BYPASSRLS role: "
                        + "create it as docs/operations.md says");
            }
            // In a transaction a failed CREATE would abort it: a savepoint keeps the migration going.
            boolean inTransaction = !connection.getAutoCommit();
            try (Statement create = connection.createStatement()) {
                if (inTransaction) {
                    create.execute("SAVEPOINT create_role");
                }
                create.execute(statement(connection, "CREATE ROLE %I " + attributes + " PASSWORD %L", role));
                if (inTransaction) {
                    create.execute("RELEASE SAVEPOINT create_role");
                }
                log.info("Created the database role {}", role.name());
            } catch (SQLException e) {
                if (!"42710".equals(e.getSQLState())) {   // duplicate_object: another database's migration was first
                    throw e;
                }
                if (inTransaction) {
                    try (Statement rollback = connection.createStatement()) {
                        rollback.execute("ROLLBACK TO SAVEPOINT create_role");
                    }
                }
            }
        }
        if (superuser) {
            try (Statement alter = connection.createStatement()) {
                alter.execute(statement(connection, "ALTER ROLE %I " + attributes + " PASSWORD %L", role));
            }
        }
    }

    /** The statement with name and password quoted by PostgreSQL's format(), never by string concatenation. */
    private static String statement(Connection connection, String template, Role role) throws SQLException {
        return (String) single(connection, "SELECT format(?, ?::text, ?::text)", template, role.name(), role.password());
    }

    private void check(Connection connection) throws SQLException {
        List<String> escapes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT 'it is superuser or BYPASSRLS, or may become ' || r.rolname FROM pg_roles r
                 WHERE (r.rolsuper OR r.rolbypassrls) AND pg_has_role(?, r.oid, 'MEMBER')
                UNION ALL
                SELECT 'it owns ' || c.relname FROM pg_class c WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = ?)""")) {
            // The system role has BYPASSRLS, so being able to become it is caught by the first part.
            query.setString(1, request.name());
            query.setString(2, request.name());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    escapes.add(rows.getString(1));
                }
            }
        }
        if (!escapes.isEmpty()) {
            throw new SQLException("The request role " + request.name() + " would not be held by row-level security: " + escapes);
        }
    }

    private static Object single(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        }
    }
}
