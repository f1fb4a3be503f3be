package io.strata.api.cli;

import io.strata.api.client.StrataClient;
import io.strata.api.v1.mount.FileInfo;
import io.strata.api.v1.mount.FileList;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "fs",
        description = "Looks at files and directories through the mounts (on a coordinator).",
        mixinStandardHelpOptions = true,
        subcommands = {FsCommand.Ls.class, FsCommand.Stat.class})
final class FsCommand {
    @ParentCommand
    StrataCli parent;

    static void print(PrintWriter out, FileInfo file) {
        String modified = file.lastModifiedMs() == null
                ? "-"
                : Instant.ofEpochMilli(file.lastModifiedMs()).toString();
        out.printf("%s %15d %-24s %s%n", file.directory() ? "d" : "-", file.length(), modified, file.path());
    }

    @Command(
            name = "ls",
            description = "Lists a directory, sorted by name, one page of --limit entries at a time.",
            mixinStandardHelpOptions = true)
    static final class Ls implements Callable<Integer> {
        @ParentCommand
        private FsCommand fs;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "Strata path of a directory.")
        private String path;

        @Option(names = "--limit", description = "Entries per page, 1 to 10000 (default: 1000).")
        private Integer limit;

        @Option(names = "--marker", description = "Start after this marker (the nextMarker of a previous page).")
        private String marker;

        @Option(names = "--all", description = "Follow the pages to the end of the directory.")
        private boolean all;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            StrataClient client = fs.parent.client();
            Optional<String> next = Optional.ofNullable(marker);
            do {
                FileList page = client.listFiles(path, Optional.ofNullable(limit), next);
                page.results().forEach(file -> print(out, file));
                out.flush();
                next = Optional.ofNullable(page.nextMarker());
            } while (all && next.isPresent());
            next.ifPresent(value -> out.println("more entries follow: --marker " + value));
            return 0;
        }
    }

    @Command(name = "stat", description = "Shows a file or directory.", mixinStandardHelpOptions = true)
    static final class Stat implements Callable<Integer> {
        @ParentCommand
        private FsCommand fs;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "Strata path.")
        private String path;

        @Override
        public Integer call() {
            FileInfo file = fs.parent.client().fileStatus(path);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("path          %s%n", file.path());
            out.printf("ufs           %s%n", file.ufs());
            out.printf("type          %s%n", file.directory() ? "directory" : "file");
            out.printf("length        %d%n", file.length());
            out.printf(
                    "modified      %s%n",
                    file.lastModifiedMs() == null ? "-" : Instant.ofEpochMilli(file.lastModifiedMs()));
            out.printf("fingerprint   %s%n", file.fingerprint() == null ? "-" : file.fingerprint());
            return 0;
        }
    }
}
