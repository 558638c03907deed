package se.samplan.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One log line per request, in the request's trace (the log pattern shows its trace id), and the trace id in the
 * {@value #TRACE_ID_HEADER} response header, so a caller can quote it to support.
 *
 * <p>The trace is the server observation's: it continues a W3C {@code traceparent} the caller sent, and Spring
 * Cloud Gateway's observation passes it on to the service. The line names the route, not the path, since some
 * paths carry secrets (calendar feeds); health and metrics requests are not logged.
 */
@Component
class AccessLog implements WebFilter, Ordered {

    static final String TRACE_ID_HEADER = "X-Trace-Id";
    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    private final Tracer tracer;

    AccessLog(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .orElse(null);
        if (span == null || exchange.getRequest().getPath().value().startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(TRACE_ID_HEADER, span.context().traceId());
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                log.info("{} {} {} {} ms", exchange.getRequest().getMethod(), route == null ? "gateway" : route.getId(),
                        status == null ? signal : status.value(), (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
