package se.samplan.plan;

/** A command that the plan's current state does not allow (e.g. deciding a draft): a 409. */
public class TransitionRejected extends RuntimeException {

    public TransitionRejected(String message) {
        super(message);
    }
}
