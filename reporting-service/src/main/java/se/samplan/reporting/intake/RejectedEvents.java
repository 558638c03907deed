package se.samplan.reporting.intake;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import se.samplan.reporting.db.Tenancy;

import java.io.UncheckedIOException;

/**
 * What happens to a record the intake cannot apply: retried a few times (a database hiccup
 * passes), then kept in {@code rejected_event} with its error, logged and counted, and the intake
 * moves on. An unreadable record is not retried. Nothing is dropped silently.
 */
@Configuration(proxyBeanMethods = false)
class RejectedEvents {

    private static final Logger log = LoggerFactory.getLogger(RejectedEvents.class);

    @Bean
    DefaultErrorHandler intakeErrorHandler(JdbcTemplate jdbc, MeterRegistry meters) {
        DefaultErrorHandler handler = new DefaultErrorHandler((record, error) -> {
            ConsumerRecord<?, ?> failed = record;
            log.error("Rejected {}-{}@{}: {}", failed.topic(), failed.partition(), failed.offset(), error.toString());
            Tenancy.system(() -> jdbc.update("""
                    INSERT INTO rejected_event (topic, partition, "offset", record_key, value, error) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (topic, partition, "offset") DO NOTHING""",
                    failed.topic(), failed.partition(), failed.offset(), String.valueOf(failed.key()),
                    failed.value() instanceof byte[] bytes ? bytes : null, String.valueOf(error.getCause() != null ? error.getCause() : error)));
            meters.counter("samplan.events.rejected", "topic", failed.topic()).increment();
        }, new FixedBackOff(500, 4));
        handler.addNotRetryableExceptions(UncheckedIOException.class, IllegalArgumentException.class);
        return handler;
    }
}
