package se.samplan.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * An open-loop load: request i is due at start + i / rate whatever happened to the ones before, and
 * its latency is measured from when it was due, not from when a thread got round to it. A stall
 * therefore shows in the latency of every request it delayed (coordinated omission corrected).
 */
final class FixedRate {

    record Result(Histogram latency, long sent, long succeeded, double seconds) {
        double perSecond() {
            return succeeded / seconds;
        }
    }

    private FixedRate() {
    }

    /** Runs {@code task(i)} at {@code perSecond} for {@code duration}; the task answers whether it succeeded. */
    static Result run(double perSecond, Duration duration, int threads, IntPredicate task) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(10), 3);
        AtomicLong succeeded = new AtomicLong();
        long count = (long) (perSecond * duration.toMillis() / 1000);
        long interval = (long) (1_000_000_000L / perSecond);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "load");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            pool.execute(() -> {
                boolean ok = task.test(index);
                latency.recordValue(Math.min(System.nanoTime() - due, latency.getHighestTrackableValue()));
                if (ok) {
                    succeeded.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(latency, count, succeeded.get(), seconds);
    }

    static String millis(Histogram histogram, double percentile) {
        return "%.1f".formatted(histogram.getValueAtPercentile(percentile) / 1e6);
    }
}
