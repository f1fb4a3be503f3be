package io.strata.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.it.StrataProcess.CommandResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code bin/strata start | status | restart | stop | run}: exit codes, messages, the pid file, the process. */
final class NodeLifecycleIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static StrataProcess node;

    @BeforeAll
    static void install() {
        node = StrataProcess.install(NodeLifecycleIT.class);
    }

    @AfterEach
    void stopNode() {
        if (!node.nodeProcesses().isEmpty()) {
            node.stop();
        }
    }

    @AfterAll
    static void removeInstallation() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void testStartStatusRestartStop() {
        String url = "http://127.0.0.1:" + node.httpPort();
        CommandResult before = node.strata("status");
        assertThat(before.exitCode()).as(before.describe()).isEqualTo(3);
        assertThat(before.stdout()).isEqualTo("Strata is not running.\n");

        CommandResult start = node.strata("start");
        assertThat(start.exitCode())
                .as("%s%n%s", start.describe(), node.logTail())
                .isZero();
        long pid = node.nodePid().orElseThrow();
        assertThat(start.stdout()).isEqualTo("Strata started (pid " + pid + "): " + url + "\n");
        assertThat(node.nodeProcesses()).extracting(ProcessHandle::pid).containsExactly(pid);
        assertThat(node.get("/api/v1/health").statusCode()).isEqualTo(200);

        CommandResult status = node.strata("status");
        assertThat(status.exitCode()).as(status.describe()).isZero();
        assertThat(status.stdout()).isEqualTo("Strata is running (pid " + pid + ") and healthy: " + url + "\n");

        CommandResult again = node.strata("start");
        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(again.stdout()).isEqualTo("Strata is already running (pid " + pid + ").\n");
        assertThat(node.nodeProcesses()).extracting(ProcessHandle::pid).containsExactly(pid);

        CommandResult restart = node.strata("restart");
        assertThat(restart.exitCode())
                .as("%s%n%s", restart.describe(), node.logTail())
                .isZero();
        long restarted = node.nodePid().orElseThrow();
        assertThat(restarted).isNotEqualTo(pid);
        assertThat(restart.stdout())
                .isEqualTo("Strata stopped (pid " + pid + ").\nStrata started (pid " + restarted + "): " + url + "\n");
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(node.nodeProcesses()).extracting(ProcessHandle::pid).containsExactly(restarted);
        assertThat(node.get("/api/v1/health").statusCode()).isEqualTo(200);

        CommandResult stop = node.strata("stop");
        assertThat(stop.exitCode()).as(stop.describe()).isZero();
        assertThat(stop.stdout()).isEqualTo("Strata stopped (pid " + restarted + ").\n");
        assertThat(node.pidFile()).doesNotExist();
        assertThat(ProcessHandle.of(restarted).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(node.nodeProcesses()).isEmpty();
        assertThat(node.log()).contains("Strata started in ", "Strata stopped");

        CommandResult after = node.strata("status");
        assertThat(after.exitCode()).as(after.describe()).isEqualTo(3);
        assertThat(after.stdout()).isEqualTo("Strata is not running.\n");

        CommandResult stopAgain = node.strata("stop");
        assertThat(stopAgain.exitCode()).as(stopAgain.describe()).isZero();
        assertThat(stopAgain.stdout()).isEqualTo("Strata is not running.\n");
        assertThat(node.pidFile()).doesNotExist();
    }

    @Test
    void testClientCommandsFailWithoutNode() {
        CommandResult health = node.strata("health");
        assertThat(health.exitCode()).as(health.describe()).isEqualTo(1);
        String refused = "error: cannot connect to http://127.0.0.1:" + node.httpPort() + " (is the node running?)\n";
        assertThat(health.stderr()).isEqualTo(refused);

        CommandResult list = node.strata("bundle", "list");
        assertThat(list.exitCode()).as(list.describe()).isEqualTo(1);
        assertThat(list.stderr()).isEqualTo(refused);
    }

    @Test
    void testRunInForegroundUntilSigterm() throws InterruptedException {
        StrataProcess.Launched run = node.launch(Map.of(), "run");
        try {
            Poll.await(
                    START_TIMEOUT,
                    "bin/strata run serves GET /api/v1/health with 200 (or exits)",
                    () -> !run.process().isAlive() || node.get("/api/v1/health").statusCode() == 200);
            if (!run.process().isAlive()) {
                throw new AssertionError("bin/strata run exited instead of serving: "
                        + run.result(run.process().exitValue()).describe());
            }
            // the script execs Java: the node is the very process that was started, and no pid file is written
            assertThat(node.nodeProcesses())
                    .extracting(ProcessHandle::pid)
                    .containsExactly(run.process().pid());
            assertThat(node.pidFile()).doesNotExist();

            run.process().destroy();
            assertThat(run.process().waitFor(60, TimeUnit.SECONDS))
                    .as("stopped on SIGTERM")
                    .isTrue();
            assertThat(run.process().exitValue())
                    .as(run.result(run.process().exitValue()).describe())
                    .isZero();
            assertThat(run.result(0).stdout())
                    .as("the console gets the log")
                    .contains("Strata started in ", "Strata stopped");
        } finally {
            run.process().destroyForcibly();
        }
    }
}
