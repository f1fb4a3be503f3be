package io.strata.kernel;

import io.strata.kernel.internal.Kernel;
import io.strata.kernel.internal.config.ConfigException;
import io.strata.kernel.internal.config.SiteConfig;
import io.strata.kernel.internal.osgi.HostExports;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import sun.misc.Signal;

/**
 * Runs a Strata node in the foreground until SIGTERM or SIGINT, then stops gracefully and exits 0.
 * Arguments: {@code [--conf DIR]}; the home folder is {@code -Dstrata.home} (set by
 * {@code bin/strata}) or the working directory. Exit codes: 0 after a clean stop, 1 when start-up
 * fails, 2 for bad configuration or arguments.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // the host's exports are read while logging and configuration are set up
        HostExports.prefetch(Main.class.getClassLoader());
        // Jersey and parts of the JDK log through java.util.logging: send it to the same log
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Path home =
                Path.of(System.getProperty("strata.home", ".")).toAbsolutePath().normalize();
        Optional<Path> conf = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--conf") && i + 1 < args.length) {
                conf = Optional.of(Path.of(args[++i]));
            } else {
                fail(2, "unknown argument: " + args[i] + " (usage: Main [--conf DIR])", null);
            }
        }
        Path confDir = conf.orElse(home.resolve("conf")).toAbsolutePath().normalize();
        SiteConfig site;
        try {
            site = SiteConfig.load(
                    Optional.of(confDir.resolve(SiteConfig.FILE_NAME)), System.getenv(), System.getProperties());
        } catch (ConfigException e) {
            fail(2, e.getMessage(), null);
            return;
        }

        Kernel kernel;
        try {
            kernel = Kernel.start(site, Kernel.Layout.of(home));
        } catch (Kernel.KernelStartException e) {
            boolean configuration = e.getMessage().startsWith("Invalid configuration");
            // an operator's problem (port taken, folder not writable) needs no stack trace; the unexpected does
            boolean unexpected = e.getMessage().startsWith(Kernel.KernelStartException.UNEXPECTED);
            fail(configuration ? 2 : 1, e.getMessage(), unexpected ? e.getCause() : null);
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kernel.close();
        System.exit(0);
    }

    private static void fail(int code, String message, Throwable cause) {
        Logger log = LoggerFactory.getLogger(Main.class);
        if (cause != null) {
            log.error("Strata did not start: {}", message, cause);
        } else {
            log.error("Strata did not start: {}", message);
        }
        System.err.println("strata: " + message);
        System.exit(code);
    }
}
