package io.strata.api.cli;

import io.strata.api.client.StrataClient;
import io.strata.api.client.StrataClientException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The client half of {@code bin/strata}: every command that talks to a running node. The script
 * itself handles start, stop, status, restart and run.
 */
@Command(
        name = "strata",
        mixinStandardHelpOptions = true,
        versionProvider = StrataCli.VersionProvider.class,
        description = "Talks to a running Strata node over its HTTP API.",
        subcommands = {
            HealthCommand.class,
            BundleCommand.class,
            ConfigCommand.class,
            MetricsCommand.class,
            ProfileCommand.class,
            MountCommand.class,
            NodesCommand.class,
            FsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class StrataCli {
    static final String DEFAULT_PORT = "8470";

    @Option(
            names = "--url",
            scope = ScopeType.INHERIT,
            description =
                    "Node to talk to (default: http://127.0.0.1:<$STRATA_HTTP_PORT, else strata.http.port of --conf>).")
    private URI url;

    @Option(
            names = "--token",
            scope = ScopeType.INHERIT,
            description = "Admin token (default: $STRATA_ADMIN_TOKEN, else strata.security.admin.token of --conf).")
    private String token;

    @Option(
            names = "--conf",
            scope = ScopeType.INHERIT,
            description = "Configuration folder to read the port and token from (default: $STRATA_CONF_DIR).")
    private Path conf;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; returns the exit code. Errors print the server's message. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new StrataCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof StrataClientException clientException) {
                String status = clientException.statusCode() == 0 ? "" : " (HTTP " + clientException.statusCode() + ")";
                line.getErr().println("error: " + clientException.getMessage() + status);
                return 1;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    StrataClient client() {
        Properties site = siteProperties();
        // the same precedence as the node: environment over site file
        String port = Optional.ofNullable(System.getenv("STRATA_HTTP_PORT"))
                .orElse(site.getProperty("strata.http.port", DEFAULT_PORT))
                .strip();
        URI base = url != null ? url : URI.create("http://127.0.0.1:" + port);
        String adminToken = token;
        if (adminToken == null) {
            adminToken = Optional.ofNullable(System.getenv("STRATA_ADMIN_TOKEN"))
                    .or(() -> Optional.ofNullable(System.getenv("STRATA_SECURITY_ADMIN_TOKEN")))
                    .orElse(site.getProperty("strata.security.admin.token", "").strip());
        }
        return new StrataClient(base, Optional.of(adminToken));
    }

    private Properties siteProperties() {
        Properties properties = new Properties();
        Path folder = conf;
        if (folder == null && System.getenv("STRATA_CONF_DIR") != null) {
            folder = Path.of(System.getenv("STRATA_CONF_DIR"));
        }
        if (folder != null) {
            Path file = folder.resolve("strata-site.properties");
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                } catch (IOException e) {
                    throw new StrataClientException("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return properties;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StrataCli.class.getPackage().getImplementationVersion();
            return new String[] {"strata " + (version == null ? "(development build)" : version)};
        }
    }
}
