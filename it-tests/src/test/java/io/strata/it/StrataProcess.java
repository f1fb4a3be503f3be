package io.strata.it;

import static java.lang.String.format;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.api.client.StrataClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One Strata installation copied from the unpacked tarball ({@code -Dstrata.dist.dir}) into a
 * fresh folder, with its own free HTTP and embedded-ZooKeeper ports, controlled through its own
 * {@code bin/strata}. {@link #close()} stops the node and, as a last resort, kills every process
 * running from this installation, so nothing outlives a test class; a shutdown hook does the same
 * if the test JVM itself is stopped.
 */
final class StrataProcess implements AutoCloseable {
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(150);
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    /** Folders and files of the tarball that a node changes: never copied from the shared one. */
    private static final Set<String> NODE_STATE = Set.of("data", "logs");

    private static final Set<StrataProcess> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger COMMANDS = new AtomicInteger();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> OPEN.forEach(StrataProcess::killNodes), "strata-it-cleanup"));
    }

    private final Path workDir;
    private final Path home;
    private int httpPort;
    private int zookeeperPort;
    private final String shippedSiteFile;
    private final Map<String, String> siteProperties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Set<Long> startedPids = ConcurrentHashMap.newKeySet();
    private final List<String> shippedBundleFiles;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private StrataProcess(Path workDir, Path home) throws IOException {
        this.workDir = requireNonNull(workDir, "workDir is null");
        this.home = requireNonNull(home, "home is null");
        this.shippedSiteFile = Files.readString(home.resolve("conf/strata-site.properties"), UTF_8);
        this.shippedBundleFiles = bundleFiles();
        environment.put("STRATA_HTTP_HOST", "127.0.0.1");
        environment.put("STRATA_START_TIMEOUT", "60");
        pickPorts();
    }

    private void pickPorts() {
        List<Integer> ports = FreePorts.pick(2);
        httpPort = ports.get(0);
        zookeeperPort = ports.get(1);
        siteProperties.put("strata.http.port", String.valueOf(httpPort));
        siteProperties.put("strata.zookeeper.embedded.port", String.valueOf(zookeeperPort));
        writeSiteFile();
    }

    /** Copies the tarball for {@code owner} (the test class); the node is not started. */
    static StrataProcess install(Class<?> owner) {
        Path dist = Path.of(requireNonNull(
                System.getProperty("strata.dist.dir"),
                "system property strata.dist.dir is not set (run through failsafe)"));
        if (!Files.isExecutable(dist.resolve("bin/strata"))) {
            throw new IllegalStateException(
                    "no unpacked tarball at " + dist + ": build it with mvn install -DskipTests first");
        }
        try {
            Path parent = Path.of(System.getProperty("strata.it.work.dir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(parent);
            Path workDir = Files.createTempDirectory(parent, owner.getSimpleName() + "-");
            Path home = workDir.resolve("strata");
            copyTarball(dist, home);
            StrataProcess process = new StrataProcess(workDir, home);
            OPEN.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the tarball " + dist, e);
        }
    }

    private static void copyTarball(Path dist, Path home) throws IOException {
        Files.walkFileTree(dist, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path relative = dist.relativize(dir);
                Files.createDirectories(home.resolve(relative.toString()));
                return relative.getNameCount() == 1 && NODE_STATE.contains(relative.toString())
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, home.resolve(dist.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    Path home() {
        return home;
    }

    int httpPort() {
        return httpPort;
    }

    int zookeeperPort() {
        return zookeeperPort;
    }

    Path bundlesDir() {
        return home.resolve("bundles");
    }

    Path pidFile() {
        return home.resolve("data/strata.pid");
    }

    /** A scratch folder outside the installation, for jars the tests build. */
    Path scratchDir() {
        try {
            return Files.createDirectories(workDir.resolve("scratch"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a key in {@code conf/strata-site.properties}; takes effect at the next start. */
    StrataProcess siteProperty(String key, String value) {
        siteProperties.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
        writeSiteFile();
        return this;
    }

    /** Sets an environment variable of every later {@code bin/strata} command. */
    StrataProcess environment(String name, String value) {
        environment.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
        return this;
    }

    private void writeSiteFile() {
        StringBuilder content = new StringBuilder(shippedSiteFile).append("\n# ---- set by the it-tests\n");
        siteProperties.forEach(
                (key, value) -> content.append(key).append('=').append(value).append('\n'));
        try {
            Files.writeString(home.resolve("conf/strata-site.properties"), content, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ bin/strata

    /** The outcome of one {@code bin/strata} command. */
    record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {
        CommandResult {
            command = List.copyOf(command);
            requireNonNull(stdout, "stdout is null");
            requireNonNull(stderr, "stderr is null");
        }

        /** For assertion messages. */
        String describe() {
            return format(
                    "%s exited %d%n---- stdout%n%s---- stderr%n%s",
                    String.join(" ", command), exitCode, stdout, stderr);
        }
    }

    /** Runs {@code bin/strata arguments...} and waits for it (bounded by {@link #COMMAND_TIMEOUT}). */
    CommandResult strata(String... arguments) {
        return strata(Map.of(), arguments);
    }

    /** As {@link #strata(String...)}, with extra environment variables for this command only. */
    CommandResult strata(Map<String, String> extraEnvironment, String... arguments) {
        Launched launched = launch(extraEnvironment, arguments);
        Process process = launched.process();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError(
                        format("%s did not finish within %s%n%s", launched.command(), COMMAND_TIMEOUT, logTail()));
            }
            nodePid().ifPresent(startedPids::add);
            return launched.result(process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + launched.command(), e);
        }
    }

    /** A {@code bin/strata} command running in the background, its output going to files. */
    record Launched(List<String> command, Process process, Path stdout, Path stderr) {
        Launched {
            command = List.copyOf(command);
            requireNonNull(process, "process is null");
            requireNonNull(stdout, "stdout is null");
            requireNonNull(stderr, "stderr is null");
        }

        CommandResult result(int exitCode) {
            try {
                return new CommandResult(
                        command, exitCode, Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Starts {@code bin/strata arguments...} without waiting for it; {@link #close()} kills it if it is a node. */
    Launched launch(Map<String, String> extraEnvironment, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/strata").toString());
        command.addAll(List.of(arguments));
        int number = COMMANDS.incrementAndGet();
        Path stdout = workDir.resolve(format("command-%03d.out", number));
        Path stderr = workDir.resolve(format("command-%03d.err", number));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("STRATA_"));
        builder.environment().putAll(environment);
        builder.environment().putAll(extraEnvironment);
        try {
            Process process = builder.start();
            startedPids.add(process.pid());
            return new Launched(command, process, stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    /**
     * {@code bin/strata start}, which must succeed; returns the node's pid. Should another process
     * have taken one of the picked ports in the meantime, the node is started again on new ones.
     */
    long start() {
        for (int attempt = 1; ; attempt++) {
            CommandResult result = strata("start");
            if (result.exitCode() != 0
                    && attempt < 3
                    && result.stderr().contains("is already in use")
                    && nodeProcesses().isEmpty()) {
                System.err.println("a port of " + this + " was taken meanwhile; starting on new ports");
                pickPorts();
                continue;
            }
            assertThat(result.exitCode())
                    .as("%s%n%s", result.describe(), logTail())
                    .isZero();
            return nodePid().orElseThrow(() -> new AssertionError("no pid file after " + result.describe()));
        }
    }

    /** {@code bin/strata stop}, which must succeed and leave no node process behind. */
    void stop() {
        CommandResult result = strata("stop");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(nodeProcesses())
                .as("node processes after %s", result.describe())
                .isEmpty();
    }

    /** The pid in {@code data/strata.pid}, if the file exists. */
    Optional<Long> nodePid() {
        try {
            return Files.exists(pidFile())
                    ? Optional.of(
                            Long.parseLong(Files.readString(pidFile(), UTF_8).strip()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code kill -9} of the node in the pid file; returns once it is gone. The pid file stays, as after a crash. */
    long killNode() {
        long pid = nodePid().orElseThrow(() -> new AssertionError("no pid file: the node is not running"));
        ProcessHandle process =
                ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("pid " + pid + " is not running"));
        process.destroyForcibly();
        awaitExit(process);
        return pid;
    }

    /** Every live process started from this installation (its command line names this home). */
    List<ProcessHandle> nodeProcesses() {
        try (Stream<ProcessHandle> processes = ProcessHandle.allProcesses()) {
            return processes.filter(this::isNode).toList();
        }
    }

    private boolean isNode(ProcessHandle process) {
        String marker = "-Dstrata.home=" + home;
        return process.isAlive()
                && process.info()
                        .arguments()
                        .map(arguments -> List.of(arguments).contains(marker))
                        .orElse(false);
    }

    /** The last lines of the node's logs, for assertion messages. */
    String logTail() {
        StringBuilder tail = new StringBuilder();
        for (String name : List.of("strata.out", "strata.log")) {
            Path log = home.resolve("logs").resolve(name);
            if (Files.exists(log)) {
                try {
                    List<String> lines = Files.readAllLines(log, UTF_8);
                    tail.append("---- last lines of ").append(log).append('\n');
                    lines.subList(Math.max(0, lines.size() - 40), lines.size())
                            .forEach(line -> tail.append(line).append('\n'));
                } catch (IOException | UncheckedIOException e) {
                    tail.append("(cannot read ")
                            .append(log)
                            .append(": ")
                            .append(e)
                            .append(")\n");
                }
            }
        }
        return tail.toString();
    }

    String log() {
        try {
            return Files.readString(home.resolve("logs/strata.log"), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ HTTP

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + httpPort + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(HTTP_TIMEOUT);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** POST with a file as the body; {@code headers} are name, value pairs. */
    HttpResponse<String> post(String pathAndQuery, Path body, String... headers) {
        try {
            return send(withHeaders(request(pathAndQuery), headers)
                    .header("Content-Type", "application/java-archive")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(body)))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DELETE; {@code headers} are name, value pairs. */
    HttpResponse<String> delete(String pathAndQuery, String... headers) {
        return send(withHeaders(request(pathAndQuery), headers).DELETE().build());
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        return headers.length == 0 ? request : request.headers(headers);
    }

    /** Polls {@code GET pathAndQuery} until it answers {@code status}; a timeout fails with the node's log tail. */
    HttpResponse<String> awaitStatus(Duration timeout, String pathAndQuery, int status) {
        try {
            return Poll.await(
                    timeout,
                    "GET " + pathAndQuery + " answers " + status,
                    () -> get(pathAndQuery),
                    response -> response.statusCode() == status);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + System.lineSeparator() + logTail(), e);
        }
    }

    StrataClient client() {
        return client(Optional.empty());
    }

    StrataClient client(Optional<String> token) {
        return new StrataClient(uri("/"), token);
    }

    // ------------------------------------------------------------------ bundles/ folder

    /** Puts a jar into {@code bundles/} the safe way: written under a dot-name, then renamed atomically. */
    Path dropBundle(Path jar, String fileName) {
        Path target = bundlesDir().resolve(fileName);
        Path part = bundlesDir().resolve("." + fileName + ".part");
        try {
            Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop " + jar + " into " + bundlesDir(), e);
        }
    }

    void deleteBundle(String fileName) {
        try {
            Files.delete(bundlesDir().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in {@code bundles/} that the tarball does not ship, sorted. */
    List<String> addedBundleFiles() {
        return bundleFiles().stream()
                .filter(file -> !shippedBundleFiles.contains(file))
                .toList();
    }

    /** The names of the files in {@code bundles/}, sorted. */
    List<String> bundleFiles() {
        try (Stream<Path> files = Files.list(bundlesDir())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ cleanup

    /**
     * Stops the node through {@code bin/strata stop}, kills whatever still runs from this
     * installation ({@code kill -9} by pid file, by the pids seen, and by command line), and deletes
     * the copy unless {@code -Dstrata.it.keep=true}.
     */
    @Override
    public void close() {
        try {
            if (!nodeProcesses().isEmpty()) {
                strata("stop");
            }
        } catch (RuntimeException | AssertionError e) {
            System.err.println("strata stop failed in " + home + ": " + e);
        } finally {
            killNodes();
            OPEN.remove(this);
        }
        if (!Boolean.getBoolean("strata.it.keep")) {
            deleteRecursively(workDir);
        }
    }

    private void killNodes() {
        Set<ProcessHandle> leftovers = new LinkedHashSet<>();
        // by pid file and by the pids seen, as long as that pid still is a node of this installation
        Stream.concat(nodePid().stream(), startedPids.stream())
                .flatMap(pid -> ProcessHandle.of(pid).stream())
                .filter(this::isNode)
                .forEach(leftovers::add);
        leftovers.addAll(nodeProcesses());
        for (ProcessHandle process : leftovers) {
            System.err.println("killing leftover Strata process " + process.pid() + " of " + home);
            process.destroyForcibly();
            awaitExit(process);
        }
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("process " + process.pid() + " did not exit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("cannot delete " + folder + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "Strata at " + home + " (HTTP " + httpPort + ", ZooKeeper " + zookeeperPort + ")";
    }
}
