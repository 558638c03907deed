package se.samplan.plan;

/**
 * A command that the current state does not allow (e.g. deciding a draft, demoting the last
 * association-admin): a 409. {@code field} names the input the refusal is about, where there is one.
 */
public class TransitionRejected extends RuntimeException {

    private final String field;

    public TransitionRejected(String message) {
        this(null, message);
    }

    public TransitionRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
