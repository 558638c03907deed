package se.samplan.plan.web;

import java.util.List;
import java.util.Set;

/**
 * Who is asking, as the gateway established it from the access token: the association (tenant)
 * and the person, with their roles in that association. Never taken from a request body.
 */
public record Caller(String associationId, String userId, Set<String> roles) {

    public static final String TENANT_HEADER = "X-Samplan-Tenant";
    public static final String USER_HEADER = "X-Samplan-User";
    public static final String ROLES_HEADER = "X-Samplan-Roles";

    public static final String ASSOCIATION_ADMIN = "association-admin";
    public static final String PLAN_OWNER = "plan-owner";
    public static final String COMMUNICATOR = "communicator";
    public static final String CONTRIBUTOR = "contributor";
    public static final String READER = "reader";
    /** Runs the platform: registers associations, sees and administers any. Never granted by an association. */
    public static final String PLATFORM_ADMIN = "platform-admin";

    /**
     * The kinds of change, each with the roles that may make it. Reading needs no role beyond
     * membership (a reader only reads). Names as in reporting-service and the Keycloak realm.
     */
    public enum Work {
        /** Sections, goals, audiences, target groups, channels, messages, risks, matrix, checklist, milestones. */
        CONTENT("change a plan's content", List.of(PLAN_OWNER, COMMUNICATOR, CONTRIBUTOR, ASSOCIATION_ADMIN)),
        /** Draft or import a plan; its title, period, owner, partners and lifecycle: the owner's decisions. */
        PLAN("draft a plan or change its title, period, owner, partners or lifecycle",
                List.of(PLAN_OWNER, COMMUNICATOR, ASSOCIATION_ADMIN)),
        /** The association's own settings, such as retention. */
        ADMINISTRATION("change the association's settings", List.of(ASSOCIATION_ADMIN));

        private final String what;
        private final List<String> roles;

        Work(String what, List<String> roles) {
            this.what = what;
            this.roles = roles;
        }

        public List<String> roles() {
            return roles;
        }
    }

    public boolean platformAdmin() {
        return roles.contains(PLATFORM_ADMIN);
    }

    public boolean may(Work work) {
        return work.roles.stream().anyMatch(roles::contains);
    }

    /** Throws a 403 naming the roles that would allow the work, unless the caller has one. */
    public void require(Work work) {
        if (!may(work)) {
            throw new RoleMissing("To " + work.what + " you need the role " + alternatives(work.roles), work.roles);
        }
    }

    private static String alternatives(List<String> roles) {
        return roles.size() == 1 ? roles.get(0)
                : String.join(", ", roles.subList(0, roles.size() - 1)) + " or " + roles.get(roles.size() - 1);
    }
}
