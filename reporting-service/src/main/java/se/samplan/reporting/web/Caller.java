package se.samplan.reporting.web;

import java.util.List;
import java.util.Set;

/**
 * Who is asking, as the gateway established it from the access token: the association (tenant)
 * and the person. Never taken from a request body.
 */
public record Caller(String associationId, String userId, Set<String> roles) {

    public static final String TENANT_HEADER = "X-Samplan-Tenant";
    public static final String USER_HEADER = "X-Samplan-User";
    public static final String ROLES_HEADER = "X-Samplan-Roles";

    /** The roles that write plans, activities and reports; a reader only reads. */
    public static final List<String> WRITERS = List.of("association-admin", "plan-owner", "communicator", "contributor");

    public boolean writes() {
        return roles.stream().anyMatch(WRITERS::contains);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
