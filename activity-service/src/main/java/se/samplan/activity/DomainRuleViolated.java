package se.samplan.activity;

/** A command broke a rule of the domain; {@code field} names the input at fault. */
public class DomainRuleViolated extends RuntimeException {

    private final String field;

    public DomainRuleViolated(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
