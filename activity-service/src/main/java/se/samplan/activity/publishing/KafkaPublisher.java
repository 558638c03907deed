package se.samplan.activity.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import se.samplan.events.EventCatalog;
import se.samplan.events.EventContract;
import se.samplan.events.EventEnvelope;
import se.samplan.events.EventJson;
import se.samplan.events.SamplanEvent;
import se.samplan.events.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every event of the event store to {@link Topics#ACTIVITIES}, keyed by aggregate id.
 *
 * <p>It runs in a tracking processor that reads the event store, so an event committed while Kafka
 * is away is published when Kafka is back: the processor's token advances only in the same
 * transaction as a batch whose every send Kafka acknowledged. A failed send fails the batch, and
 * the processor retries it from the last token (at least once; consumers drop duplicates by
 * aggregate sequence).
 *
 * <p>Tracing: the event's metadata holds the W3C trace context of the request that caused it (see the event
 * store's correlation data). Each send runs in a span continuing that trace, and the template's observation
 * puts the {@code traceparent} header on the record, so the consumers continue the same trace.
 */
@Component
@ProcessingGroup(KafkaPublisher.GROUP)
class KafkaPublisher {

    static final String GROUP = "kafka-publisher";
    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);
    private static final String PENDING = KafkaPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final PublishingProperties properties;
    private final Counter published;
    private final Tracer tracer;
    private final Propagator propagator;

    KafkaPublisher(KafkaTemplate<String, byte[]> kafka, PublishingProperties properties,
                   MeterRegistry meters, Tracer tracer, Propagator propagator) {
        this.kafka = kafka;
        this.properties = properties;
        this.tracer = tracer;
        this.propagator = propagator;
        this.published = Counter.builder("samplan.events.published")
                .tag("topic", properties.topic())
                .description("Events acknowledged by Kafka")
                .register(meters);
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        EventContract contract = EventCatalog.contractOf(payload.getClass());
        EventEnvelope envelope = new EventEnvelope(
                UUID.fromString(event.getIdentifier()),
                contract.type(),
                contract.revision(),
                ((SamplanEvent) payload).associationId(),
                contract.aggregateType(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                event.getTimestamp(),
                String.valueOf(event.getMetaData().getOrDefault("actor", "system")),
                EventJson.mapper().valueToTree(payload));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                properties.topic(), envelope.aggregateId(), EventJson.write(envelope));
        pendingSends().add(sendInTraceOf(event.getMetaData(), envelope, record));
    }

    /** Sends in a span continuing the trace recorded in the metadata; without one, as a trace of its own. */
    private CompletableFuture<?> sendInTraceOf(MetaData metaData, EventEnvelope envelope,
                                               ProducerRecord<String, byte[]> record) {
        if (propagator.fields().stream().noneMatch(metaData::containsKey)) {
            return kafka.send(record);
        }
        Span span = propagator.extract(metaData, (carrier, key) -> carrier.get(key) instanceof String value ? value : null)
                .name("publish " + envelope.type()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            log.info("Publishing {} {}#{} to {}", envelope.type(), envelope.aggregateId(), envelope.sequence(),
                    record.topic());
            return kafka.send(record);
        } finally {
            span.end();
        }
    }

    /** The batch's sends, awaited once before its unit of work (and the token) commits. */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            published.increment(sends.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationFailed("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublicationFailed("Kafka did not acknowledge " + sends.size() + " events", e);
        }
    }

    static final class EventPublicationFailed extends RuntimeException {
        EventPublicationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
