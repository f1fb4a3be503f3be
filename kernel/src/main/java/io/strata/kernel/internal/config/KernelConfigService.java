package io.strata.kernel.internal.config;

import static java.util.Objects.requireNonNull;

import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.config.ConfigEntry;
import io.strata.spi.config.ConfigKey;
import io.strata.spi.config.ConfigService;
import io.strata.spi.config.Mutable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration catalogue: the kernel's keys and the keys every installed bundle declares in
 * its MetaType ({@code @ObjectClassDefinition} with PID {@code strata.<area>}). Bundle values are
 * handed to components through ConfigAdmin; mutable keys change live.
 */
public final class KernelConfigService implements ConfigService {
    private static final Logger LOG = LoggerFactory.getLogger(KernelConfigService.class);

    private final SiteConfig site;
    private final BundleContext context;
    private final Map<String, Consumer<Object>> kernelAppliers;
    private final Map<String, String> kernelOverrides = new ConcurrentHashMap<>();

    /** A key declared by a bundle: where it lives and how to read it. */
    private record BundleKey(
            Bundle bundle, String pid, ObjectClassDefinition definition, AttributeDefinition attribute) {
        String name() {
            return pid + "." + attribute.getID();
        }
    }

    public KernelConfigService(SiteConfig site, BundleContext context, Map<String, Consumer<Object>> kernelAppliers) {
        this.site = requireNonNull(site, "site is null");
        this.context = requireNonNull(context, "context is null");
        this.kernelAppliers = Map.copyOf(requireNonNull(kernelAppliers, "kernelAppliers is null"));
    }

    /** Hands each bundle area's keys to ConfigAdmin (PID {@code strata.<area>}), before bundles start. */
    public void publishBundleSections() {
        ConfigurationAdmin admin = service(ConfigurationAdmin.class);
        site.bundleSections().forEach((section, values) -> {
            Dictionary<String, Object> properties = new Hashtable<>(values);
            try {
                admin.getConfiguration("strata." + section, "?").update(properties);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot hand configuration strata." + section + " to ConfigAdmin", e);
            }
        });
    }

    /**
     * Checks every configured key of a bundle area against the installed bundles' declarations:
     * a bad value is returned as an error; an undeclared key is a warning in the log.
     */
    public List<String> validateBundleKeys() {
        Map<String, BundleKey> declared = bundleKeys();
        List<String> errors = new ArrayList<>();
        site.values().forEach((name, value) -> {
            if (!name.startsWith("strata.") || KernelKeys.isKernelSection(name)) {
                return;
            }
            BundleKey key = declared.get(name);
            if (key == null) {
                LOG.warn("Unknown configuration key {} ({}): no installed bundle declares it", name, site.source(name));
                return;
            }
            try {
                parse(key, value);
            } catch (StrataException e) {
                errors.add(e.getMessage() + " (" + site.source(name) + ")");
            }
        });
        return errors;
    }

    @Override
    public List<ConfigEntry> entries() {
        Map<String, ConfigEntry> entries = new TreeMap<>();
        for (KeyDefinition definition : KernelKeys.ALL) {
            entries.put(definition.name(), kernelEntry(definition));
        }
        bundleKeys().forEach((name, key) -> entries.put(name, bundleEntry(key)));
        site.values().forEach((name, value) -> {
            if (name.startsWith("strata.") && !entries.containsKey(name)) {
                ConfigKey unknown = new ConfigKey(
                        name,
                        KeyDefinition.sectionOf(name),
                        "string",
                        "",
                        "Unknown key: no installed bundle declares it",
                        false,
                        false,
                        "unknown");
                entries.put(name, new ConfigEntry(unknown, value));
            }
        });
        return List.copyOf(entries.values());
    }

    @Override
    public Optional<ConfigEntry> entry(String name) {
        requireNonNull(name, "name is null");
        Optional<KeyDefinition> kernel = KernelKeys.find(name);
        if (kernel.isPresent()) {
            return Optional.of(kernelEntry(kernel.get()));
        }
        return Optional.ofNullable(bundleKeys().get(name)).map(this::bundleEntry);
    }

    @Override
    public synchronized ConfigEntry update(String name, String value) {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        Optional<KeyDefinition> kernel = KernelKeys.find(name);
        if (kernel.isPresent()) {
            KeyDefinition definition = kernel.get();
            requireMutable(name, definition.mutable());
            Object parsed;
            try {
                parsed = definition.parse(value);
            } catch (IllegalArgumentException e) {
                throw StrataException.invalidArgument(e.getMessage());
            }
            Consumer<Object> applier = kernelAppliers.get(name);
            if (applier != null) {
                applier.accept(parsed);
            }
            kernelOverrides.put(name, value.strip());
            LOG.info(
                    "Configuration {} changed to {} at runtime",
                    name,
                    definition.type() == ValueType.PASSWORD ? ConfigEntry.MASK : value.strip());
            return kernelEntry(definition);
        }
        BundleKey key = bundleKeys().get(name);
        if (key == null) {
            throw StrataException.notFound("Unknown config: " + name);
        }
        requireMutable(name, mutable(key));
        Object parsed = parse(key, value);
        ConfigurationAdmin admin = service(ConfigurationAdmin.class);
        try {
            Configuration configuration = admin.getConfiguration(key.pid(), "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            properties.put(key.attribute().getID(), parsed);
            configuration.update(properties);
        } catch (IOException e) {
            throw new StrataException(ErrorKind.INTERNAL, "Cannot update " + name + ": " + e.getMessage(), e);
        }
        LOG.info(
                "Configuration {} changed to {} at runtime",
                name,
                key.attribute().getType() == AttributeDefinition.PASSWORD ? ConfigEntry.MASK : value);
        return bundleEntry(key);
    }

    private static void requireMutable(String name, boolean mutable) {
        if (!mutable) {
            throw StrataException.invalidArgument(
                    name + " cannot be changed at runtime; set it in strata-site.properties and restart");
        }
    }

    private ConfigEntry kernelEntry(KeyDefinition definition) {
        String value = kernelOverrides.getOrDefault(
                definition.name(), site.value(definition.name()).orElse(definition.defaultValue()));
        return new ConfigEntry(definition.toConfigKey(), mask(definition.type() == ValueType.PASSWORD, value));
    }

    private ConfigEntry bundleEntry(BundleKey key) {
        String value = currentValue(key);
        AttributeDefinition attribute = key.attribute();
        String[] defaults = attribute.getDefaultValue();
        String defaultValue = defaults == null ? "" : String.join(",", defaults);
        boolean secret = attribute.getType() == AttributeDefinition.PASSWORD;
        ConfigKey configKey = new ConfigKey(
                key.name(),
                KeyDefinition.sectionOf(key.name()),
                valueType(attribute.getType()).typeName(),
                defaultValue,
                attribute.getDescription() == null ? "" : attribute.getDescription(),
                mutable(key),
                secret,
                key.bundle().getSymbolicName());
        return new ConfigEntry(configKey, mask(secret, value));
    }

    private String currentValue(BundleKey key) {
        try {
            Configuration[] configurations =
                    service(ConfigurationAdmin.class).listConfigurations("(service.pid=" + key.pid() + ")");
            if (configurations != null && configurations[0].getProperties() != null) {
                Object value =
                        configurations[0].getProperties().get(key.attribute().getID());
                if (value != null) {
                    return String.valueOf(value);
                }
            }
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            LOG.warn("Cannot read configuration {}: {}", key.pid(), e.toString());
        }
        String[] defaults = key.attribute().getDefaultValue();
        return defaults == null ? "" : String.join(",", defaults);
    }

    private static String mask(boolean secret, String value) {
        return secret && !value.isEmpty() ? ConfigEntry.MASK : value;
    }

    private boolean mutable(BundleKey key) {
        String method = key.attribute().getID().replace('.', '_');
        try {
            Class<?> type = key.bundle().loadClass(key.definition().getID());
            return type.getMethod(method).isAnnotationPresent(Mutable.class);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalStateException e) {
            return false;
        }
    }

    private Object parse(BundleKey key, String value) {
        ValueType type = valueType(key.attribute().getType());
        Object parsed;
        try {
            parsed = type.parse(value);
        } catch (IllegalArgumentException e) {
            throw StrataException.invalidArgument(
                    "Invalid value '" + (type == ValueType.PASSWORD ? ConfigEntry.MASK : value) + "' for " + key.name()
                            + ": " + e.getMessage());
        }
        String problem = key.attribute().validate(value.strip());
        if (problem != null && !problem.isEmpty()) {
            throw StrataException.invalidArgument("Invalid value '" + value + "' for " + key.name() + ": " + problem);
        }
        String[] options = key.attribute().getOptionValues();
        if (options != null && options.length > 0 && !List.of(options).contains(value.strip())) {
            throw StrataException.invalidArgument(
                    "Invalid value '" + value + "' for " + key.name() + ": expected one of " + List.of(options));
        }
        return parsed;
    }

    /** The value type of a MetaType attribute type; its {@link ValueType#typeName()} is what listings show. */
    private static ValueType valueType(int attributeType) {
        return switch (attributeType) {
            case AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> ValueType.INT;
            case AttributeDefinition.LONG -> ValueType.LONG;
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> ValueType.DOUBLE;
            case AttributeDefinition.BOOLEAN -> ValueType.BOOLEAN;
            case AttributeDefinition.PASSWORD -> ValueType.PASSWORD;
            default -> ValueType.STRING;
        };
    }

    /** Every key the installed bundles declare, by name. */
    private Map<String, BundleKey> bundleKeys() {
        Map<String, BundleKey> keys = new TreeMap<>();
        MetaTypeService metaType = service(MetaTypeService.class);
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() == 0 || bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            MetaTypeInformation information;
            try {
                information = metaType.getMetaTypeInformation(bundle);
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the MetaType of {}: {}", bundle.getSymbolicName(), e.toString());
                continue;
            }
            if (information == null) {
                continue;
            }
            for (String pid : information.getPids()) {
                if (!pid.startsWith("strata.")) {
                    continue;
                }
                ObjectClassDefinition definition = information.getObjectClassDefinition(pid, null);
                AttributeDefinition[] attributes = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
                if (attributes == null) {
                    continue;
                }
                for (AttributeDefinition attribute : attributes) {
                    BundleKey key = new BundleKey(bundle, pid, definition, attribute);
                    keys.put(key.name(), key);
                }
            }
        }
        return keys;
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> reference = context.getServiceReference(type);
        if (reference == null) {
            throw new IllegalStateException(type.getSimpleName() + " is not available");
        }
        return context.getService(reference);
    }
}
