package io.strata.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "profile",
        description = {
            "Records a profile of the node's JVM and saves it in pprof format (read it with 'go tool pprof -top FILE').",
            "Kinds: cpu (/pprof/profile, --seconds long), heap (/pprof/heap: live objects now), "
                    + "alloc (/pprof/heap?seconds: allocations during --seconds), growth (/pprof/growth: allocations since the previous call)."
        },
        mixinStandardHelpOptions = true)
final class ProfileCommand implements Callable<Integer> {
    @ParentCommand
    private StrataCli parent;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--seconds",
            paramLabel = "N",
            description = "How long to record for cpu and alloc (default: 60 s for cpu; required for alloc).")
    private Integer seconds;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Where to write the profile (gzipped protobuf).")
    private Path output;

    @Option(names = "--type", paramLabel = "KIND", description = "cpu (default), heap, alloc or growth.")
    private String kind = "cpu";

    @Override
    public Integer call() throws IOException {
        if (kind.equals("alloc") && seconds == null) {
            throw new ParameterException(spec.commandLine(), "--type alloc needs --seconds");
        }
        if ((kind.equals("heap") || kind.equals("growth")) && seconds != null) {
            throw new ParameterException(spec.commandLine(), "--seconds does not apply to --type " + kind);
        }
        byte[] profile = switch (kind) {
            case "cpu" -> parent.client().pprof("profile", Optional.ofNullable(seconds));
            case "heap" -> parent.client().pprof("heap", Optional.empty());
            case "alloc" -> parent.client().pprof("heap", Optional.of(seconds));
            case "growth" -> parent.client().pprof("growth", Optional.empty());
            default ->
                throw new ParameterException(spec.commandLine(), "--type must be one of cpu, heap, alloc, growth");
        };
        Files.write(output, profile);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %d bytes to %s; view it with: go tool pprof -top %s%n", profile.length, output, output);
        return 0;
    }
}
