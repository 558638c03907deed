package se.samplan.activity.plans;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import se.samplan.activity.web.Caller;
import se.samplan.events.plan.PartnerAccess;

import java.util.Optional;

/**
 * How far a caller reaches a plan's activities: its own association's plan fully (by role), a plan
 * shared with it to read, or with CONTRIBUTE access to work on too; any other plan is as absent as
 * one never made (404), so nothing tells another association it exists.
 */
@Component
public class PlanAccess {

    public enum Level { NONE, READ, CONTRIBUTE, OWNER }

    /**
     * @param association the association the plan's activities belong to: the plan's owner
     * @param level       what the caller's association may do with them
     */
    public record Reach(String association, Level level) { }

    private final PlanReferences plans;

    PlanAccess(PlanReferences plans) {
        this.plans = plans;
    }

    /**
     * A plan this service has not heard of yet (plan-service's events arrive after its answer) is
     * taken as the caller's own: whatever is scheduled on it belongs to the caller's association,
     * so it can reach nothing of anyone else's.
     */
    public Reach of(Caller caller, String planId) {
        Optional<PlanReferences.PlanRef> plan = plans.plan(planId);
        if (plan.isEmpty() || plan.get().associationId().equals(caller.associationId())) {
            return new Reach(caller.associationId(), Level.OWNER);
        }
        Level level = plans.partnerAccess(planId, caller.associationId())
                .map(access -> access == PartnerAccess.CONTRIBUTE ? Level.CONTRIBUTE : Level.READ).orElse(Level.NONE);
        return new Reach(plan.get().associationId(), level);
    }

    /** The plan's activities as the caller may read them; 404 if the plan is another association's, not shared. */
    public Reach readable(Caller caller, String planId) {
        Reach reach = of(caller, planId);
        if (reach.level() == Level.NONE) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No plan " + planId);
        }
        return reach;
    }

    /** As {@link #readable}, and only if the caller may work on them: 403 for a read-only partner or a role that only reads. */
    public Reach writable(Caller caller, String planId) {
        Reach reach = readable(caller, planId);
        if (reach.level() == Level.READ) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your association may read this plan's activities, not change them");
        }
        caller.require(Caller.Work.ACTIVITIES);
        return reach;
    }

    /**
     * The caller's reach over an activity of {@code activityAssociation} on {@code planId}: full for
     * its own association's, through the plan's sharing otherwise (only if the plan is that
     * association's, so a stale or forged plan id reaches nothing).
     */
    public Reach ofActivity(Caller caller, String activityAssociation, String planId) {
        if (activityAssociation.equals(caller.associationId())) {
            return new Reach(activityAssociation, Level.OWNER);
        }
        Reach reach = of(caller, planId);
        return reach.association().equals(activityAssociation) ? reach : new Reach(activityAssociation, Level.NONE);
    }
}
