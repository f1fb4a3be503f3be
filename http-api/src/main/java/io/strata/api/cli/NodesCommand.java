package io.strata.api.cli;

import io.strata.api.v1.nodes.WorkerNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "nodes",
        description = "Lists, shows and removes the cluster's registered workers (on a coordinator).",
        mixinStandardHelpOptions = true,
        subcommands = {NodesCommand.ListNodes.class, NodesCommand.Get.class, NodesCommand.Remove.class})
final class NodesCommand {
    private static final String FORMAT = "%-45s %-25s %s%n";

    @ParentCommand
    StrataCli parent;

    static void header(PrintWriter out) {
        out.printf(FORMAT, "IDENTITY", "ADDRESS", "STATUS");
    }

    static void print(PrintWriter out, WorkerNode node) {
        out.printf(FORMAT, node.identity(), node.address(), node.status()).flush();
    }

    @Command(
            name = "list",
            description = "Lists every registered worker with its address and status.",
            mixinStandardHelpOptions = true)
    static final class ListNodes implements Callable<Integer> {
        @ParentCommand
        private NodesCommand nodes;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            header(out);
            nodes.parent.client().nodes().result().forEach(node -> print(out, node));
            return 0;
        }
    }

    @Command(name = "get", description = "Shows one worker.", mixinStandardHelpOptions = true)
    static final class Get implements Callable<Integer> {
        @ParentCommand
        private NodesCommand nodes;

        @Spec
        private CommandSpec spec;

        @Parameters(
                paramLabel = "ID",
                description = "Worker identity, e.g. worker-587899dd-5da5-45d4-af40-ce481acc4087.")
        private String identity;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            header(out);
            print(out, nodes.parent.client().node(identity));
            return 0;
        }
    }

    @Command(
            name = "remove",
            description = "Unregisters an OFFLINE worker (an ONLINE one is refused: stop it first).",
            mixinStandardHelpOptions = true)
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        private NodesCommand nodes;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Worker identity.")
        private String identity;

        @Override
        public Integer call() {
            nodes.parent.client().removeNode(identity);
            spec.commandLine().getOut().println("removed " + identity);
            return 0;
        }
    }
}
