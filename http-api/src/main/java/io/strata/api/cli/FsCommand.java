package io.strata.api.cli;

import io.strata.api.client.FileRead;
import io.strata.api.client.StrataClient;
import io.strata.api.v1.mount.FileInfo;
import io.strata.api.v1.mount.FileList;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "fs",
        description = "Looks at files and directories through the mounts (on a coordinator).",
        mixinStandardHelpOptions = true,
        subcommands = {FsCommand.Ls.class, FsCommand.Stat.class, FsCommand.Cat.class})
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

    @Command(
            name = "cat",
            description = "Writes a file's bytes to standard output, read through the worker that owns it (its"
                    + " cache, or the UFS on a miss); --offset and --length read a range.",
            mixinStandardHelpOptions = true)
    static final class Cat implements Callable<Integer> {
        @ParentCommand
        private FsCommand fs;

        @Parameters(paramLabel = "PATH", description = "Strata path of a file.")
        private String path;

        @Option(names = "--offset", description = "First byte to read (default: 0).")
        private long offset;

        @Option(names = "--length", description = "Number of bytes to read (default: to the end).")
        private Long length;

        @Option(
                names = {"-v", "--verbose"},
                description = "Say on standard error which worker served it and how.")
        private boolean verbose;

        @Override
        public Integer call() throws IOException {
            if (offset < 0 || (length != null && length < 1)) {
                throw new ParameterException(new CommandLine(this), "--offset must be >= 0 and --length >= 1");
            }
            try (FileRead read = fs.parent.client().readFile(path, offset, Optional.ofNullable(length))) {
                if (verbose) {
                    System.err.printf(
                            "%s: %d bytes from %s (%s)%n",
                            path,
                            read.contentLength(),
                            read.servedBy(),
                            read.outcome().map(Enum::name).orElse("cache outcome not reported"));
                }
                read.body().transferTo(System.out);
                System.out.flush();
            }
            return 0;
        }
    }
}
