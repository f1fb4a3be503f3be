package io.strata.bench;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cold start to the first HTTP 200 of {@code GET /api/v1/health}: the time from spawning the JVM to
 * the first 200, polled every {@code --interval-ms}. Strata is launched as a user runs it in the
 * foreground, {@code bin/strata run} (which execs the JVM, so the measured process is the node),
 * with a fresh data dir and log dir each run; the baseline is {@code BaselineServer}. Runs alternate between the two so that background load
 * hits both alike; {@code --warmup} runs of each are made first and not counted (they fill the page
 * cache and warm this program's HTTP client). Every process is stopped before the next is spawned.
 *
 * <p>Options: {@code --strata-home DIR --baseline-classpath CP --work-dir DIR [--runs 5]
 * [--warmup 1] [--interval-ms 10] [--timeout-ms 120000]}. Prints one {@code RESULT} line per target
 * ({@code strata}, {@code baseline}), then the CPU time each had used at its first 200
 * ({@code strata-cpu}, {@code baseline-cpu}) and the start-up time each logged itself
 * ({@code strata-main}, {@code baseline-main}).
 */
public final class BenchmarkColdStart {
    private static final String HEALTH = "/api/v1/health";
    private static final long STOP_TIMEOUT_SECONDS = 60;
    private static final long PAUSE_MILLIS = 500;
    private static final Pattern STARTED_IN = Pattern.compile(" started in (\\d+) ms");

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Path strataHome;
    private final String baselineClassPath;
    private final Path workDir;
    private final long intervalMillis;
    private final long timeoutMillis;
    private final HttpProbe probe = new HttpProbe();
    private final AtomicReference<Process> running = new AtomicReference<>();

    private BenchmarkColdStart(
            Path strataHome, String baselineClassPath, Path workDir, long intervalMillis, long timeoutMillis) {
        this.strataHome = requireNonNull(strataHome, "strataHome is null");
        this.baselineClassPath = requireNonNull(baselineClassPath, "baselineClassPath is null");
        this.workDir = requireNonNull(workDir, "workDir is null");
        this.intervalMillis = intervalMillis;
        this.timeoutMillis = timeoutMillis;
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        BenchmarkColdStart benchmark = new BenchmarkColdStart(
                arguments.path("strata-home"),
                arguments.string("baseline-classpath"),
                arguments.path("work-dir"),
                arguments.integer("interval-ms", 10),
                arguments.integer("timeout-ms", 120_000));
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::killRunning, "cold-start-cleanup"));
        benchmark.run(arguments.integer("runs", 5), arguments.integer("warmup", 1));
    }

    private void run(int runs, int warmup) throws IOException, InterruptedException {
        Samples strata = new Samples("strata");
        Samples baseline = new Samples("baseline");
        Samples strataCpu = new Samples("strata-cpu");
        Samples baselineCpu = new Samples("baseline-cpu");
        Samples strataMain = new Samples("strata-main");
        Samples baselineMain = new Samples("baseline-main");
        for (int i = 1; i <= warmup; i++) {
            measure(Target.STRATA, "warmup-" + i);
            measure(Target.BASELINE, "warmup-" + i);
        }
        for (int i = 1; i <= runs; i++) {
            String run = "run-" + i;
            record(measure(Target.STRATA, run), strata, strataCpu);
            startedIn(Target.STRATA, run).ifPresent(strataMain::addMillis);
            record(measure(Target.BASELINE, run), baseline, baselineCpu);
            startedIn(Target.BASELINE, run).ifPresent(baselineMain::addMillis);
        }
        for (Samples samples : List.of(strata, baseline, strataCpu, baselineCpu, strataMain, baselineMain)) {
            System.out.println(samples.resultLine());
        }
    }

    private static void record(Measurement measurement, Samples elapsed, Samples cpu) {
        elapsed.addNanos(measurement.elapsedNanos());
        measurement.cpu().ifPresent(duration -> cpu.addNanos(duration.toNanos()));
    }

    /**
     * Wall time from spawn to the first 200, and the CPU time the process had used by then (user +
     * system, all threads). CPU time depends much less on other load on the machine than wall time.
     */
    private record Measurement(long elapsedNanos, Optional<Duration> cpu) {}

    /**
     * The start-up time the process logged itself ("... started in N ms"): from the start of its
     * {@code main} (baseline) or of the kernel's start (Strata) until it served. The rest of the
     * measured time is JVM start, class loading before that point, and the first request.
     */
    private Optional<Long> startedIn(Target target, String run) throws IOException {
        Path runDir = workDir.resolve(target.label() + "-" + run);
        Path log = target == Target.STRATA ? runDir.resolve("logs/strata.log") : runDir.resolve("console.log");
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.map(STARTED_IN::matcher)
                    .filter(Matcher::find)
                    .map(matcher -> Long.parseLong(matcher.group(1)))
                    .findFirst();
        }
    }

    private enum Target {
        STRATA,
        BASELINE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Spawns one process, times it to the first 200, stops it. */
    private Measurement measure(Target target, String run) throws IOException, InterruptedException {
        List<Integer> ports = FreePorts.take(2);
        int httpPort = ports.get(0);
        Path runDir = workDir.resolve(target.label() + "-" + run);
        Files.createDirectories(runDir);
        ProcessBuilder builder = target == Target.STRATA ? strata(runDir, httpPort, ports.get(1)) : baseline(httpPort);
        builder.redirectErrorStream(true)
                .redirectOutput(runDir.resolve("console.log").toFile());
        URI health = URI.create("http://127.0.0.1:" + httpPort + HEALTH);

        long spawned = System.nanoTime();
        Process process = builder.start();
        running.set(process);
        long elapsed;
        Optional<Duration> cpu;
        try {
            elapsed = probe.await(health, 200, intervalMillis, timeoutMillis, process::isAlive) - spawned;
            cpu = process.info().totalCpuDuration();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    format("%s %s: %s; see %s", target.label(), run, e.getMessage(), runDir.resolve("console.log")), e);
        } finally {
            stop(process);
            running.set(null);
        }
        System.err.printf(
                Locale.ROOT,
                "  cold start %-8s %-9s %8.1f ms   cpu %8s%n",
                target.label(),
                run,
                elapsed / 1_000_000.0,
                cpu.map(duration -> duration.toMillis() + " ms").orElse("?"));
        Thread.sleep(PAUSE_MILLIS);
        return new Measurement(elapsed, cpu);
    }

    /**
     * {@code bin/strata run}, with the node's settings in STRATA_* variables; the JVM is the one this
     * benchmark runs on (JAVA_HOME), as for the baseline.
     */
    private ProcessBuilder strata(Path runDir, int httpPort, int zooKeeperPort) {
        List<String> command = List.of(strataHome.resolve("bin/strata").toString(), "run");
        ProcessBuilder builder = new ProcessBuilder(command).directory(runDir.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("STRATA_"));
        environment.put("JAVA_HOME", java.getParent().getParent().toString());
        environment.put("STRATA_CONF_DIR", strataHome.resolve("conf").toString());
        environment.put("STRATA_LOG_DIR", runDir.resolve("logs").toString());
        environment.put("STRATA_HTTP_HOST", "127.0.0.1");
        environment.put("STRATA_HTTP_PORT", String.valueOf(httpPort));
        environment.put("STRATA_ZOOKEEPER_EMBEDDED_PORT", String.valueOf(zooKeeperPort));
        environment.put("STRATA_DATA_DIR", runDir.resolve("data").toString());
        return builder;
    }

    private ProcessBuilder baseline(int httpPort) {
        return new ProcessBuilder(
                java.toString(),
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                baselineClassPath,
                "io.strata.bench.baseline.BaselineServer",
                String.valueOf(httpPort));
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            System.err.println("  pid " + process.pid() + " did not stop on SIGTERM within " + STOP_TIMEOUT_SECONDS
                    + " s; killing it");
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void killRunning() {
        Process process = running.get();
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
