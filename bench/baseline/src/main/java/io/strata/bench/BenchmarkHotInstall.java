package io.strata.bench;

import static java.lang.String.format;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;

/**
 * Hot install on a running node: the time from an atomic {@code mv} of a bundle jar into
 * {@code bundles/} until its route answers 200, and from deleting the jar until the route answers
 * 404. The jar is first copied next to its destination under a dot-name (which the node ignores),
 * so the {@code mv} is a rename within one file system, as the README tells users to do.
 *
 * <p>Options: {@code --url http://127.0.0.1:PORT --jar JAR --bundles-dir DIR [--route /api/v1/hello]
 * [--runs 10] [--interval-ms 5] [--timeout-ms 30000]}. Prints {@code RESULT install ...} and
 * {@code RESULT remove ...}; leaves the jar removed.
 */
public final class BenchmarkHotInstall {
    private static final long PAUSE_MILLIS = 500;

    private BenchmarkHotInstall() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Arguments arguments = Arguments.parse(args);
        URI route = URI.create(arguments.string("url") + arguments.getOrDefault("route", "/api/v1/hello"));
        Path jar = arguments.path("jar");
        Path bundlesDir = arguments.path("bundles-dir");
        int runs = arguments.integer("runs", 10);
        long interval = arguments.integer("interval-ms", 5);
        long timeout = arguments.integer("timeout-ms", 30_000);

        Path target = bundlesDir.resolve(jar.getFileName());
        Path staging = bundlesDir.resolve("." + jar.getFileName() + ".tmp");
        if (Files.exists(target)) {
            throw new IllegalStateException(target + " is already there: the benchmark needs a node without it");
        }
        HttpProbe probe = new HttpProbe();
        probe.await(route, 404, interval, timeout, () -> true);

        Samples install = new Samples("install");
        Samples remove = new Samples("remove");
        try {
            for (int i = 1; i <= runs; i++) {
                Files.copy(jar, staging, StandardCopyOption.REPLACE_EXISTING);
                Thread.sleep(PAUSE_MILLIS);

                Instant movedAt = Instant.now();
                long moved = System.nanoTime();
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                long installed = probe.await(route, 200, interval, timeout, () -> true) - moved;
                install.addNanos(installed);
                Thread.sleep(PAUSE_MILLIS);

                long deleted = System.nanoTime();
                Files.delete(target);
                long removed = probe.await(route, 404, interval, timeout, () -> true) - deleted;
                remove.addNanos(removed);
                System.err.println(format(
                        Locale.ROOT,
                        "  hot install run-%-2d  mv -> 200 %7.1f ms   rm -> 404 %7.1f ms   (mv at %s)",
                        i,
                        installed / 1_000_000.0,
                        removed / 1_000_000.0,
                        movedAt));
                Thread.sleep(PAUSE_MILLIS);
            }
        } finally {
            Files.deleteIfExists(staging);
            Files.deleteIfExists(target);
        }
        System.out.println(install.resultLine());
        System.out.println(remove.resultLine());
    }
}
