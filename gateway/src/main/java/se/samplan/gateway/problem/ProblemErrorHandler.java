package se.samplan.gateway.problem;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors the gateway answers itself (no route: 404; a service not reachable: 502/504) as RFC 9457
 * problem+json, like every other error of the platform, and nothing of the inside.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatusCode status = error instanceof ResponseStatusException rse ? rse.getStatusCode()
                : error instanceof java.net.ConnectException || error.getCause() instanceof java.net.ConnectException
                ? HttpStatus.BAD_GATEWAY : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus known = HttpStatus.resolve(status.value());
        HttpStatus answer = known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
        String detail = switch (answer) {
            case NOT_FOUND -> "No such resource";
            case BAD_GATEWAY, SERVICE_UNAVAILABLE -> "The service is not reachable just now; try again shortly";
            case GATEWAY_TIMEOUT -> "The service did not answer in time";
            default -> answer.is4xxClientError() ? answer.getReasonPhrase() : "Something went wrong on our side";
        };
        return ProblemResponses.write(exchange.getResponse(), answer, detail);
    }
}
