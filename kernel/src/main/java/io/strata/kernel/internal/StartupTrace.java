package io.strata.kernel.internal;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up timeline: one line per step, with the time since the JVM was launched and the
 * step's own duration. Logged at INFO with {@code -Dstrata.startup.trace=true}, else at DEBUG
 * (logger {@code io.strata.kernel.internal.StartupTrace}).
 */
public final class StartupTrace {
    /** The system property that logs the timeline at INFO. */
    public static final String PROPERTY = "strata.startup.trace";

    private static final Logger LOG = LoggerFactory.getLogger(StartupTrace.class);
    private static final boolean INFO = Boolean.getBoolean(PROPERTY);

    private StartupTrace() {}

    /** Whether the timeline is logged at all. */
    public static boolean enabled() {
        return INFO || LOG.isDebugEnabled();
    }

    /** Logs that {@code step} finished; {@code startNanos} is its {@link System#nanoTime()} at its start. */
    public static void step(String step, long startNanos) {
        if (!enabled()) {
            return;
        }
        long tookMillis = (System.nanoTime() - startNanos) / 1_000_000;
        // the JVM's start time is read only when tracing: the management classes cost a few ms
        long sinceLaunchMillis = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (INFO) {
            LOG.info("startup +{} ms: {} took {} ms", sinceLaunchMillis, step, tookMillis);
        } else {
            LOG.debug("startup +{} ms: {} took {} ms", sinceLaunchMillis, step, tookMillis);
        }
    }
}
