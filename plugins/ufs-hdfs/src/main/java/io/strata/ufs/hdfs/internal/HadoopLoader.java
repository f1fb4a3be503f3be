package io.strata.ufs.hdfs.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class loader Hadoop runs with. Hadoop finds its parts through the thread context class
 * loader (its {@code Configuration} reads {@code core-default.xml} through it, {@code ServiceLoader}
 * finds file systems through it, JAAS loads login modules through it), so every Hadoop call runs
 * with this loader as the context loader: it delegates everything to the plugin's own loader, which
 * holds the embedded Hadoop jars.
 *
 * <p>It is one instance per connector factory, which also marks the threads Hadoop starts during
 * those calls (a new thread inherits the context loader): {@link #stopThreads} ends them when the
 * plugin goes, so that no Hadoop daemon thread (statistics cleaner, peer cache, IPC connections)
 * keeps the removed plugin's classes alive.
 */
final class HadoopLoader extends ClassLoader {
    /** A call into Hadoop. */
    @FunctionalInterface
    interface Call<T, E extends Exception> {
        T call() throws E;
    }

    HadoopLoader(ClassLoader plugin) {
        super("strata-ufs-hdfs", requireNonNull(plugin, "plugin is null"));
    }

    /** Runs {@code call} with this loader as the context class loader. */
    <T, E extends Exception> T call(Call<T, E> call) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(this);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The live threads started while Hadoop ran with this loader, except the caller. */
    List<Thread> threads() {
        List<Thread> found = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread != Thread.currentThread() && thread.isAlive() && thread.getContextClassLoader() == this) {
                found.add(thread);
            }
        }
        return found;
    }

    /**
     * Interrupts the threads Hadoop started (Hadoop's own end on interruption) and waits for them,
     * at most {@code timeout} in all. Threads that go on (pooled JDK threads such as the process
     * reaper, which inherited this loader when Hadoop ran a command) get the system class loader as
     * context loader instead, so that none keeps this loader.
     *
     * @return the threads still alive after the wait
     */
    List<Thread> stopThreads(Duration timeout) {
        List<Thread> threads = threads();
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> alive = new ArrayList<>();
        for (Thread thread : threads) {
            long remaining = deadline - System.nanoTime();
            try {
                if (remaining > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                alive.add(thread);
                if (thread.getContextClassLoader() == this) {
                    thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
                }
            }
        }
        return alive;
    }
}
