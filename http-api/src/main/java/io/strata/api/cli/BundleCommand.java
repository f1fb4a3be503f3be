package io.strata.api.cli;

import io.strata.api.v1.BundleInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "bundle",
        description = "Lists, installs and removes bundles on a running node.",
        mixinStandardHelpOptions = true,
        subcommands = {BundleCommand.ListBundles.class, BundleCommand.Install.class, BundleCommand.Remove.class})
final class BundleCommand {
    @ParentCommand
    StrataCli parent;

    static void print(PrintWriter out, BundleInfo bundle) {
        out.printf(
                "%-4d %-11s %-8s %-40s %s%n",
                bundle.id(), bundle.state(), bundle.kind(), bundle.symbolicName(), bundle.version());
        for (String route : bundle.routes()) {
            out.printf("       route %s%n", route);
        }
        if (bundle.error() != null) {
            out.printf("       error %s%n", bundle.error());
        }
    }

    @Command(
            name = "list",
            description = "Lists every bundle with its state and routes.",
            mixinStandardHelpOptions = true)
    static final class ListBundles implements Callable<Integer> {
        @ParentCommand
        private BundleCommand bundle;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            List<BundleInfo> bundles = bundle.parent.client().bundles().bundles();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-4s %-11s %-8s %-40s %s%n", "ID", "STATE", "KIND", "SYMBOLIC NAME", "VERSION");
            bundles.forEach(info -> print(out, info));
            return 0;
        }
    }

    @Command(
            name = "install",
            description =
                    "Installs a bundle jar (it is kept in the node's bundles/ folder); exits 1 if it does not start.",
            mixinStandardHelpOptions = true)
    static final class Install implements Callable<Integer> {
        @ParentCommand
        private BundleCommand bundle;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "JAR", description = "The bundle jar.")
        private Path jar;

        @Option(names = "--update", description = "Replace the bundle if its symbolic name is installed already.")
        private boolean update;

        @Override
        public Integer call() {
            BundleInfo info = bundle.parent.client().installBundle(jar, update);
            print(spec.commandLine().getOut(), info);
            return info.error() == null ? 0 : 1;
        }
    }

    @Command(name = "remove", description = "Uninstalls a bundle and deletes its jar.", mixinStandardHelpOptions = true)
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        private BundleCommand bundle;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The bundle's symbolic name.")
        private String name;

        @Override
        public Integer call() {
            bundle.parent.client().removeBundle(name);
            spec.commandLine().getOut().println("removed " + name);
            return 0;
        }
    }
}
