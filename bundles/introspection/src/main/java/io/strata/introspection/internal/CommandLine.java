package io.strata.introspection.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /pprof/cmdline}: the JVM's command line, one argument per line. The value of a
 * {@code -D<key>=<value>} argument whose key is secret is masked, as {@code /configs} masks it.
 */
final class CommandLine {
    private static final Path PROC_CMDLINE = Path.of("/proc/self/cmdline");
    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("^-D([^=]+)=(.*)$", Pattern.DOTALL);
    private static final Pattern SECRET_WORDS = Pattern.compile("(?i).*(password|secret|token|credential).*");
    static final String MASK = "******";

    private CommandLine() {}

    /** The arguments of this process: {@code /proc/self/cmdline} where there is one, else what the JVM says. */
    static List<String> arguments() {
        if (Files.isReadable(PROC_CMDLINE)) {
            try {
                return split(Files.readAllBytes(PROC_CMDLINE));
            } catch (IOException e) {
                // fall back to the JVM's view
            }
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String[]> arguments = info.arguments();
        if (info.command().isPresent() && arguments.isPresent()) {
            List<String> all = new ArrayList<>();
            all.add(info.command().get());
            all.addAll(Arrays.asList(arguments.get()));
            return all;
        }
        List<String> all = new ArrayList<>();
        all.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        all.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String command = System.getProperty("sun.java.command");
        if (command != null) {
            all.addAll(Arrays.asList(command.split(" ")));
        }
        return all;
    }

    /** {@code /proc/<pid>/cmdline}: arguments separated (and ended) by NUL bytes. */
    static List<String> split(byte[] cmdline) {
        List<String> arguments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= cmdline.length; i++) {
            if (i == cmdline.length || cmdline[i] == 0) {
                if (i > start || i < cmdline.length) {
                    arguments.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return arguments;
    }

    /** One argument per line, secret system properties masked. */
    static String render(List<String> arguments, Predicate<String> secretKey) {
        StringBuilder text = new StringBuilder();
        for (String argument : arguments) {
            Matcher matcher = SYSTEM_PROPERTY.matcher(argument);
            if (matcher.matches()
                    && (secretKey.test(matcher.group(1))
                            || SECRET_WORDS.matcher(matcher.group(1)).matches())) {
                text.append("-D").append(matcher.group(1)).append('=').append(MASK);
            } else {
                text.append(argument);
            }
            text.append('\n');
        }
        return text.toString();
    }
}
