package se.samplan.reporting.db;

/**
 * Whose database work the current thread does, which decides the connection it gets (see
 * {@link TenantDataSource}): work for one association runs as the request role under row-level
 * security with that association set; work across associations (the intake, the rebuild, the report
 * relay and sweeps, the live stream's listener) says so with {@link #system()} and runs as the system
 * role. A thread that said neither gets the request role with no association, which sees no rows and
 * may write none: forgetting to say whose work it is fails closed.
 */
public final class Tenancy {

    /** Who a connection is for: an association, or the system (associationId null). */
    record Binding(String associationId) {
        boolean system() {
            return associationId == null;
        }
    }

    private static final Binding SYSTEM = new Binding(null);
    private static final ThreadLocal<Binding> CURRENT = new ThreadLocal<>();

    private Tenancy() {
    }

    /** Database work for {@code associationId} (a verified caller's) until the scope closes. */
    public static Scope association(String associationId) {
        if (associationId == null || associationId.isBlank()) {
            throw new IllegalArgumentException("An association is needed");
        }
        return bind(new Binding(associationId));
    }

    /** Database work across associations until the scope closes: only for the service's own processes. */
    public static Scope system() {
        return bind(SYSTEM);
    }

    /** Runs {@code work} across associations. */
    public static void system(Runnable work) {
        try (Scope ignored = system()) {
            work.run();
        }
    }

    /** The thread's binding, or null when it said nothing (no association: no rows). */
    static Binding current() {
        return CURRENT.get();
    }

    private static Scope bind(Binding binding) {
        Binding previous = CURRENT.get();
        CURRENT.set(binding);
        Thread owner = Thread.currentThread();
        return () -> {
            // A scope closed on another thread would leave this one bound: that is a bug, not a case.
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("A tenancy scope is closed on the thread that opened it");
            }
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** A binding in force until closed; closing restores what was bound before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
