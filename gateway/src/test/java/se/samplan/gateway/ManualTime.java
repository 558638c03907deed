package se.samplan.gateway;

import io.github.bucket4j.TimeMeter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rate limits' clock in tests: it stands still until a test moves it, so no bucket refills while
 * a slow machine runs the test's first, cold requests.
 */
public final class ManualTime implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Import it to give the gateway's buckets this clock. */
    @TestConfiguration
    public static class Stopped {
        @Bean
        ManualTime manualTime() {
            return new ManualTime();
        }
    }
}
