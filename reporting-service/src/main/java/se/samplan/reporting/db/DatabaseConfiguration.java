package se.samplan.reporting.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Three roles, one database: Flyway migrates as the owner ({@code spring.datasource.username}, also
 * {@code spring.flyway.user}); requests run as the request role, subject to row-level security; the
 * service's own processes run as the system role, which bypasses it. The service never works as the
 * owner. {@link DatabaseRoles} creates the two roles where the owner may, and checks them.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Primary
    TenantDataSource dataSource(@Value("${spring.datasource.url}") String url, MeterRegistry meters,
                                @Value("${samplan.database.request.user}") String requestUser,
                                @Value("${samplan.database.request.password}") String requestPassword,
                                @Value("${samplan.database.request.pool-size:10}") int requestPoolSize,
                                @Value("${samplan.database.system.user}") String systemUser,
                                @Value("${samplan.database.system.password}") String systemPassword,
                                @Value("${samplan.database.system.pool-size:6}") int systemPoolSize) {
        HikariDataSource request = pool("reporting-request", url, requestUser, requestPassword, requestPoolSize, meters);
        HikariDataSource system = pool("reporting-system", url, systemUser, systemPassword, systemPoolSize, meters);
        // The live stream's listener holds one system connection for good; the rest come and go.
        system.setMinimumIdle(Math.min(2, systemPoolSize));
        return new TenantDataSource(request, system);
    }

    @Bean
    DatabaseRoles databaseRoles(@Value("${samplan.database.request.user}") String requestUser,
                                @Value("${samplan.database.request.password}") String requestPassword,
                                @Value("${samplan.database.system.user}") String systemUser,
                                @Value("${samplan.database.system.password}") String systemPassword) {
        return new DatabaseRoles(requestUser, requestPassword, systemUser, systemPassword);
    }

    /** A pool that connects on first use, i.e. after Flyway made its role. */
    private static HikariDataSource pool(String name, String url, String user, String password, int size, MeterRegistry meters) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(name);
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(size);
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        return pool;
    }
}
