package se.samplan.notification.email;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Work that is stored now and done later (an email in the outbox, a pending invitation) keeps the
 * W3C {@code traceparent} of the work that stored it, and continues that trace when it is done.
 */
@Component
public class TraceParents {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    TraceParents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's {@code traceparent}, or null outside any trace. */
    public String current() {
        Span current = tracer.currentSpan();
        if (current == null) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        propagator.inject(current.context(), fields, Map::put);
        return fields.get(TRACEPARENT);
    }

    /** A span continuing the stored trace; without one, a child of the current (scheduled) work. */
    public Span.Builder continuing(String traceParent) {
        return traceParent == null ? tracer.spanBuilder()
                : propagator.extract(Map.of(TRACEPARENT, traceParent), (Map<String, String> carrier, String key) -> carrier.get(key));
    }
}
