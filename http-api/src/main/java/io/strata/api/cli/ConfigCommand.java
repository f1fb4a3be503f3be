package io.strata.api.cli;

import io.strata.api.v1.introspection.ConfigInfo;
import java.io.PrintWriter;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "config",
        description = "Shows the node's configuration and changes mutable keys at runtime.",
        mixinStandardHelpOptions = true,
        subcommands = {ConfigCommand.Get.class, ConfigCommand.ListKeys.class, ConfigCommand.Set.class})
final class ConfigCommand {
    @ParentCommand
    StrataCli parent;

    static void printDetails(PrintWriter out, ConfigInfo info) {
        out.printf("name         %s%n", info.name());
        out.printf("section      %s%n", info.section());
        out.printf("type         %s%n", info.type());
        out.printf("mutable      %s%n", info.mutable() ? "yes" : "no");
        out.printf("value        %s%n", info.value());
        out.printf("description  %s%n", info.description());
    }

    @Command(
            name = "get",
            description = "Prints one key: its value in force, type, whether it is mutable, and what it does.",
            mixinStandardHelpOptions = true)
    static final class Get implements Callable<Integer> {
        @ParentCommand
        private ConfigCommand config;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The key, e.g. strata.log.level.")
        private String name;

        @Override
        public Integer call() {
            printDetails(spec.commandLine().getOut(), config.parent.client().config(name));
            return 0;
        }
    }

    @Command(
            name = "list",
            description = "Lists every key of the node (kernel and installed bundles) with its value.",
            mixinStandardHelpOptions = true)
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        private ConfigCommand config;

        @Spec
        private CommandSpec spec;

        @Option(
                names = {"-l", "--long"},
                description = "Also print each key's description.")
        private boolean withDescriptions;

        @Option(names = "--mutable", description = "Only the keys that 'config set' can change.")
        private boolean mutableOnly;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SortedMap<String, ConfigInfo> configs = config.parent.client().configs();
            out.printf("%-50s %-7s %s%n", "NAME", "MUTABLE", "VALUE");
            for (ConfigInfo info : configs.values()) {
                if (mutableOnly && !info.mutable()) {
                    continue;
                }
                out.printf("%-50s %-7s %s%n", info.name(), info.mutable() ? "yes" : "no", info.value());
                if (withDescriptions) {
                    out.printf("    %s%n", info.description());
                }
            }
            return 0;
        }
    }

    @Command(
            name = "set",
            description = "Changes a mutable key until the node restarts (conf/strata-site.properties is not written).",
            mixinStandardHelpOptions = true)
    static final class Set implements Callable<Integer> {
        @ParentCommand
        private ConfigCommand config;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The key, e.g. strata.log.level.")
        private String name;

        @Parameters(index = "1", paramLabel = "VALUE", description = "The new value.")
        private String value;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println(config.parent.client().updateConfig(name, value).updateStatus());
            ConfigInfo info = config.parent.client().config(name);
            out.printf("%s = %s%n", info.name(), info.value());
            return 0;
        }
    }
}
