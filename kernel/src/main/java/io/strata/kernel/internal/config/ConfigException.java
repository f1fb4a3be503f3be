package io.strata.kernel.internal.config;

/** Configuration that stops start-up; the message names the key and what was expected. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
