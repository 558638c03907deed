package se.samplan.activity.eventstore;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samplan.events.EventContract;

import java.util.HashMap;
import java.util.Map;

/**
 * The Axon event store on PostgreSQL through Axon's JDBC engine (no JPA: payloads stay
 * {@code bytea}, STACK.md trap 4), on tables Flyway owns.
 *
 * <p>Gaps: global indexes come from a sequence, so a slow transaction leaves a gap that commits
 * later. Axon skips a gap once it is older than the gap timeout (AxonFramework #2958, #3015). Every
 * connection of this service runs with PostgreSQL's {@code transaction_timeout} (see
 * application.yml), well below the gap timeout: a transaction that could still fill a gap is ended
 * by the server long before Axon gives up on it.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    static final String TENANT = "tenantId";
    static final String ACTOR = "actor";

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          @Value("${samplan.event-store.gap-timeout:PT60S}") java.time.Duration gapTimeout,
                                          @Value("${samplan.event-store.batch-size:100}") int batchSize) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .batchSize(batchSize)
                .gapTimeout((int) gapTimeout.toMillis())
                .build();
    }

    /** Payload revisions come from the contracts' {@link EventContract}, so Axon and Kafka agree. */
    @Bean
    RevisionResolver revisionResolver() {
        AnnotationRevisionResolver axonRevisions = new AnnotationRevisionResolver();
        return type -> {
            EventContract contract = type.getAnnotation(EventContract.class);
            return contract != null ? String.valueOf(contract.revision()) : axonRevisions.revisionOf(type);
        };
    }

    /** Copies tenant and actor from each command onto the events it causes. */
    @Bean
    CorrelationDataProvider tenantAndActor() {
        return new SimpleCorrelationDataProvider(TENANT, ACTOR);
    }

    /**
     * Records the trace of the request (or Kafka record) that caused an event in its metadata, as W3C trace
     * context ({@code traceparent}, and {@code tracestate} or {@code baggage} where present), so the publisher can
     * carry the trace on to Kafka. An event made outside any trace (a scheduled sweep) has none.
     */
    @Bean
    CorrelationDataProvider traceContext(Tracer tracer, Propagator propagator) {
        return message -> {
            Span current = tracer.currentSpan();
            if (current == null) {
                return Map.of();
            }
            Map<String, String> fields = new HashMap<>();
            propagator.inject(current.context(), fields, Map::put);
            return fields;
        };
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }
}
