package se.samplan.activity;

/** A command that the plan's current state does not allow (e.g. completing a cancelled occurrence): a 409. */
public class TransitionRejected extends RuntimeException {

    public TransitionRejected(String message) {
        super(message);
    }
}
