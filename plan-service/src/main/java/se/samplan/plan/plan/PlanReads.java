package se.samplan.plan.plan;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import se.samplan.plan.web.Caller;

/** Reads a plan for a caller: its owner or a partner; to anyone else it is as absent as one never made. */
@Component
class PlanReads {

    private final EventStore eventStore;
    private final PlanViews views;

    PlanReads(EventStore eventStore, PlanViews views) {
        this.eventStore = eventStore;
        this.views = views;
    }

    PlanView readable(Caller caller, String planId) {
        PlanView view = views.current(planId).orElse(null);
        if (view == null || !(view.associationId().equals(caller.associationId())
                || view.partners().stream().anyMatch(p -> p.associationId().equals(caller.associationId())))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No plan " + planId);
        }
        return view;
    }

    /**
     * Version {@code version} of a plan the caller may read now, as it was when the next version
     * began (or now, for the newest); a version the plan never had is as absent as the plan.
     */
    PlanView readable(Caller caller, String planId, int version) {
        readable(caller, planId);
        PlanView view = PlanView.version(eventStore.readEvents(planId).asStream(), version);
        if (view == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Plan " + planId + " has no version " + version);
        }
        return view;
    }
}
