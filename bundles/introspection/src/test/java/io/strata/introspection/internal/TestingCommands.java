package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the tools that judge our output: {@code promtool} and {@code go tool pprof}. CI installs
 * them (Debian's {@code prometheus} and {@code golang-go}); a test that needs one fails when it is
 * missing rather than passing without having checked anything.
 */
final class TestingCommands {
    private static final long TIMEOUT_SECONDS = 120;

    record Result(int exitCode, String output) {}

    private TestingCommands() {}

    /** {@code promtool check metrics} on Prometheus text: exit code and what it reported. */
    static Result promtoolCheckMetrics(String exposition) {
        return run(List.of("promtool", "check", "metrics"), exposition.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code go tool pprof <args> <file>} on a profile; the tool must succeed. */
    static String goToolPprof(byte[] profile, String... arguments) {
        try {
            Path file = Files.createTempFile("strata-test-", ".pb.gz");
            try {
                Files.write(file, profile);
                List<String> command = new ArrayList<>(List.of("go", "tool", "pprof"));
                command.addAll(List.of(arguments));
                command.add(file.toString());
                Result result = run(command, new byte[0]);
                assertThat(result.exitCode())
                        .as("go tool pprof failed:%n%s", result.output())
                        .isZero();
                return result.output();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Result run(List<String> command, byte[] input) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putIfAbsent("HOME", System.getProperty("java.io.tmpdir"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(
                    command.get(0) + " is needed for this test (CI installs it): " + e.getMessage(), e);
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        } catch (IOException e) {
            // the tool did not read its input; its exit code and output tell why
        }
        try (InputStream stdout = process.getInputStream()) {
            String output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .as("%s finished", command)
                    .isTrue();
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
