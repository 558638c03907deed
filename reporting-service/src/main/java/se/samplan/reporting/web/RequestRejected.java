package se.samplan.reporting.web;

import org.springframework.http.HttpStatus;

/**
 * A request this service answers with a 4xx problem: bad input naming its field (400), a state
 * that forbids it (409), a stale If-Match (409), a missing one (428), or nothing there (404).
 */
public class RequestRejected extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    private RequestRejected(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static RequestRejected invalid(String field, String message) {
        return new RequestRejected(HttpStatus.BAD_REQUEST, field, message);
    }

    public static RequestRejected conflict(String message) {
        return new RequestRejected(HttpStatus.CONFLICT, null, message);
    }

    public static RequestRejected notFound(String message) {
        return new RequestRejected(HttpStatus.NOT_FOUND, null, message);
    }

    public static RequestRejected forbidden(String message) {
        return new RequestRejected(HttpStatus.FORBIDDEN, null, message);
    }

    public static RequestRejected preconditionRequired(String message) {
        return new RequestRejected(HttpStatus.PRECONDITION_REQUIRED, null, message);
    }

    public HttpStatus status() {
        return status;
    }

    /** The field at fault, or null when the request as a whole is. */
    public String field() {
        return field;
    }
}
