package se.samplan.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event record's stable contract: the type consumers switch on and the revision of its
 * payload. A change to a payload that an older consumer could not read means a new revision and an
 * {@link Upcaster} from the previous one; the Java class name is never part of the contract.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {

    /** Stable type name, e.g. {@code PlanCreated}. */
    String type();

    /** Payload revision, starting at 1. */
    int revision();

    /** The aggregate type whose stream the event belongs to, e.g. {@code Plan}. */
    String aggregateType();
}
