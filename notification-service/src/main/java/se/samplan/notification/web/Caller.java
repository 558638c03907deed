package se.samplan.notification.web;

import java.util.Set;

/**
 * Who is asking, as the gateway established it from the access token: the association (tenant)
 * and the person. Never taken from a request body.
 */
public record Caller(String associationId, String userId, Set<String> roles) {

    public static final String TENANT_HEADER = "X-Samplan-Tenant";
    public static final String USER_HEADER = "X-Samplan-User";
    public static final String ROLES_HEADER = "X-Samplan-Roles";
}
