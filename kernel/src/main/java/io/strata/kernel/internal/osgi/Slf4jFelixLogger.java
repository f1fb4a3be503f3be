package io.strata.kernel.internal.osgi;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/** Sends the framework's own log to SLF4J, naming the bundle it concerns. */
final class Slf4jFelixLogger extends Logger {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("io.strata.kernel.felix");

    Slf4jFelixLogger() {
        setLogLevel(LOG_DEBUG);
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String message, Throwable throwable) {
        String text = bundle == null ? message : "[" + bundle.getSymbolicName() + "] " + message;
        switch (level) {
            case LOG_ERROR -> LOG.error(text, throwable);
            case LOG_WARNING -> LOG.warn(text, throwable);
            case LOG_INFO -> LOG.info(text, throwable);
            default -> LOG.debug(text, throwable);
        }
    }
}
