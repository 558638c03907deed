package se.samplan.gateway.server;

import io.netty.channel.Channel;
import org.springframework.boot.autoconfigure.web.reactive.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.Connection;

/**
 * Keeps keep-alive connections read: once an exchange has ended, its connection is asked for more input.
 * <p>
 * Why: Reactor Netty 1.2 (the line Spring Boot 3.5 uses) buffers a request that arrives on a keep-alive
 * connection before the exchange in front of it has ended, as a client may send it as soon as it has the
 * whole response. It hands that request on later, but keeps the request's end marker queued until the
 * request's own exchange has ended, and draining that marker does not ask the connection for more input.
 * The client's next request on the connection then waits until the client gives up
 * (reactor/reactor-netty#4347 and #4361, fixed in Reactor Netty 1.3, which needs Netty 4.2).
 * Asking once more after each exchange, from a later event-loop task, costs nothing when a read is
 * already pending. Remove with Reactor Netty 1.3.
 */
@Configuration(proxyBeanMethods = false)
class KeepAliveReads {

    @Bean
    WebHttpHandlerBuilderCustomizer readAgainAfterEachExchange() {
        return builder -> builder.httpHandlerDecorator(handler -> (request, response) -> {
            if (ServerHttpRequestDecorator.getNativeRequest(request) instanceof Connection exchange) {
                exchange.onTerminate().subscribe(null, error -> readAgain(exchange.channel()), () -> readAgain(exchange.channel()));
            }
            return handler.handle(request, response);
        });
    }

    private static void readAgain(Channel channel) {
        channel.eventLoop().execute(() -> {
            if (channel.isActive()) {
                channel.read();
            }
        });
    }
}
