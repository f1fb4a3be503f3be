package io.strata.api.cli;

import io.strata.api.v1.HealthResponse;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "health",
        description = "Prints the node's health; exits 1 when it is unhealthy.",
        mixinStandardHelpOptions = true)
final class HealthCommand implements Callable<Integer> {
    @ParentCommand
    private StrataCli parent;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        HealthResponse health = parent.client().health();
        spec.commandLine().getOut().println(health.status());
        for (Map.Entry<String, String> check : health.checks().entrySet()) {
            spec.commandLine().getOut().printf("  %-40s %s%n", check.getKey(), check.getValue());
        }
        return health.healthy() ? 0 : 1;
    }
}
