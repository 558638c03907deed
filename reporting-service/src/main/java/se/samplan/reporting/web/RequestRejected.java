package se.samplan.reporting.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A request this service answers with a 4xx problem: bad input naming its field (400), a state
 * that forbids it (409), a stale If-Match (409), a missing one (428), or nothing there (404).
 */
public class RequestRejected extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final List<String> requiredRoles;

    private RequestRejected(HttpStatus status, String field, String message) {
        this(status, field, message, null);
    }

    private RequestRejected(HttpStatus status, String field, String message, List<String> requiredRoles) {
        super(message);
        this.status = status;
        this.field = field;
        this.requiredRoles = requiredRoles;
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

    /** The caller's role may not do this: 403, naming the roles that may. */
    public static RequestRejected roleMissing(String message, List<String> requiredRoles) {
        return new RequestRejected(HttpStatus.FORBIDDEN, null, message, List.copyOf(requiredRoles));
    }

    public static RequestRejected preconditionRequired(String message) {
        return new RequestRejected(HttpStatus.PRECONDITION_REQUIRED, null, message);
    }

    public HttpStatus status() {
        return status;
    }

    /** The roles that would allow what a 403 refused, or null. */
    public List<String> requiredRoles() {
        return requiredRoles;
    }

    /** The field at fault, or null when the request as a whole is. */
    public String field() {
        return field;
    }
}
