package se.samplan.testkit;

import java.util.List;

/**
 * Stops a test server when the test JVM exits, after the applications under test have closed. The JVM runs its
 * shutdown hooks all at once; a broker or database stopped while Spring still closes a context leaves that
 * context's Kafka consumers and connection pools waiting on a dead server, 30 s and more, and Surefire kills
 * the fork. So the stop waits for Spring's own shutdown hooks first.
 */
final class StopLast {

    private static final List<String> APPLICATION_HOOKS = List.of("SpringApplicationShutdownHook", "SpringContextShutdownHook");
    private static final long MOST_MILLIS = 20_000;

    private StopLast() {
    }

    static void onExit(String name, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long deadline = System.currentTimeMillis() + MOST_MILLIS;
            try {
                // The JVM starts the hooks one after another: give Spring's a moment to have started.
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (APPLICATION_HOOKS.contains(thread.getName()) && thread != Thread.currentThread()) {
                    try {
                        thread.join(Math.max(1, deadline - System.currentTimeMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            stop.run();
        }, name));
    }
}
