package io.strata.api.cli;

import io.strata.api.v1.mount.MountInfo;
import io.strata.api.v1.mount.MountRequest;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "mount",
        description = "Lists, adds and removes the mount points of the cluster (on a coordinator).",
        mixinStandardHelpOptions = true,
        subcommands = {MountCommand.ListMounts.class, MountCommand.Add.class, MountCommand.Remove.class})
final class MountCommand {
    @ParentCommand
    StrataCli parent;

    static void print(PrintWriter out, MountInfo mount) {
        String options = mount.options().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
        out.printf("%-30s %-50s %s%n", mount.path(), mount.ufs(), options).flush();
    }

    @Command(
            name = "list",
            description = "Lists every mount point (secret options read ******), or the one at --path.",
            mixinStandardHelpOptions = true)
    static final class ListMounts implements Callable<Integer> {
        @ParentCommand
        private MountCommand mount;

        @Spec
        private CommandSpec spec;

        @Option(names = "--path", description = "Show only the mount point at this Strata path.")
        private String path;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-30s %-50s %s%n", "PATH", "UFS", "OPTIONS");
            if (path != null) {
                print(out, mount.parent.client().mount(path));
            } else {
                mount.parent.client().mounts().results().forEach(info -> print(out, info));
            }
            return 0;
        }
    }

    @Command(
            name = "add",
            description = "Mounts a UFS at a Strata path; the node checks first that the UFS is reachable.",
            mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {
        @ParentCommand
        private MountCommand mount;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PATH", description = "Strata path, e.g. /data.")
        private String path;

        @Parameters(
                index = "1",
                paramLabel = "UFS",
                description = "UFS URI, e.g. s3://bucket/dir, hdfs://namenode:8020/dir or file:///srv/data.")
        private String ufs;

        @Option(
                names = {"-o", "--option"},
                paramLabel = "KEY=VALUE",
                description = "A connector option, e.g. -o s3a.region=eu-west-1 (repeatable).")
        private Map<String, String> options = new LinkedHashMap<>();

        @Override
        public Integer call() {
            mount.parent.client().addMount(new MountRequest(path, ufs, options));
            spec.commandLine().getOut().println("mounted " + ufs + " at " + path);
            return 0;
        }
    }

    @Command(
            name = "remove",
            description = "Removes the mount point at a Strata path.",
            mixinStandardHelpOptions = true)
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        private MountCommand mount;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "Strata path of the mount point.")
        private String path;

        @Override
        public Integer call() {
            mount.parent.client().removeMount(path);
            spec.commandLine().getOut().println("removed " + path);
            return 0;
        }
    }
}
