package io.strata.ufs.hdfs.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.ufs.UfsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mount options of an HDFS mount.
 *
 * @param configurationFiles {@value #CONFIGURATION_FILES} (or the reference's
 *     {@value #REFERENCE_CONFIGURATION_FILES}): Hadoop XML files ({@code core-site.xml},
 *     {@code hdfs-site.xml}) read in order, later ones overriding earlier ones
 * @param hadoopProperties options whose name starts with one of {@link #PASS_THROUGH_PREFIXES}, set
 *     verbatim on the Hadoop configuration after the files (so they win)
 * @param user {@value #USER}: the user to act as when the cluster does not use Kerberos (the
 *     node's own user, or {@code HADOOP_USER_NAME}, otherwise)
 * @param kerberosPrincipal {@value #KERBEROS_PRINCIPAL}; {@code _HOST} is replaced by this node's
 *     host name
 * @param kerberosKeytab {@value #KERBEROS_KEYTAB}
 */
record HdfsOptions(
        List<Path> configurationFiles,
        SortedMap<String, String> hadoopProperties,
        Optional<String> user,
        Optional<String> kerberosPrincipal,
        Optional<Path> kerberosKeytab) {
    static final String CONFIGURATION_FILES = "hdfs.configuration.files";
    /** The reference's name of the same option (Kubernetes examples), accepted as well. */
    static final String REFERENCE_CONFIGURATION_FILES = "alluxio.underfs.hdfs.configuration";

    static final String USER = "hdfs.user";
    static final String KERBEROS_PRINCIPAL = "hdfs.kerberos.principal";
    static final String KERBEROS_KEYTAB = "hdfs.kerberos.keytab";
    /** Options with these prefixes are Hadoop configuration keys, passed through as they are. */
    static final List<String> PASS_THROUGH_PREFIXES = List.of("dfs.", "fs.", "hadoop.", "ipc.");

    private static final List<String> NAMES =
            List.of(CONFIGURATION_FILES, REFERENCE_CONFIGURATION_FILES, USER, KERBEROS_PRINCIPAL, KERBEROS_KEYTAB);

    HdfsOptions {
        configurationFiles = List.copyOf(requireNonNull(configurationFiles, "configurationFiles is null"));
        hadoopProperties = Collections.unmodifiableSortedMap(
                new TreeMap<>(requireNonNull(hadoopProperties, "hadoopProperties is null")));
        requireNonNull(user, "user is null");
        requireNonNull(kerberosPrincipal, "kerberosPrincipal is null");
        requireNonNull(kerberosKeytab, "kerberosKeytab is null");
        if (kerberosPrincipal.isPresent() != kerberosKeytab.isPresent()) {
            throw new IllegalArgumentException("principal and keytab go together");
        }
    }

    boolean kerberos() {
        return kerberosPrincipal.isPresent();
    }

    /** Shows the names of the Hadoop keys, not their values (which may be secrets). */
    @Override
    public String toString() {
        return "HdfsOptions[configurationFiles=" + configurationFiles + ", hadoopKeys=" + hadoopProperties.keySet()
                + ", user=" + user.orElse("(node user)") + ", kerberos=" + kerberosPrincipal.orElse("no") + "]";
    }

    /**
     * @throws UfsException {@code INVALID_CONFIGURATION} naming the faulty option (never the value of a
     *     secret)
     */
    static HdfsOptions parse(Map<String, String> options) throws UfsException {
        SortedSet<String> unknown = new TreeSet<>();
        SortedMap<String, String> hadoop = new TreeMap<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey();
            if (NAMES.contains(name)) {
                continue;
            }
            if (PASS_THROUGH_PREFIXES.stream()
                    .anyMatch(prefix -> name.startsWith(prefix) && name.length() > prefix.length())) {
                hadoop.put(name, option.getValue() == null ? "" : option.getValue());
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw invalid("unknown option(s) " + String.join(", ", unknown) + "; the options are "
                    + String.join(", ", NAMES) + " and Hadoop keys starting with "
                    + String.join(", ", PASS_THROUGH_PREFIXES));
        }
        if (value(options, CONFIGURATION_FILES).isPresent()
                && value(options, REFERENCE_CONFIGURATION_FILES).isPresent()) {
            throw invalid(CONFIGURATION_FILES + " and " + REFERENCE_CONFIGURATION_FILES
                    + " are the same option: give one of them");
        }
        List<Path> files = new ArrayList<>();
        Optional<String> filesOption = value(options, CONFIGURATION_FILES)
                .map(v -> CONFIGURATION_FILES)
                .or(() -> value(options, REFERENCE_CONFIGURATION_FILES).map(v -> REFERENCE_CONFIGURATION_FILES));
        if (filesOption.isPresent()) {
            for (String item : value(options, filesOption.get()).orElseThrow().split("[,:]")) {
                if (!item.isBlank()) {
                    files.add(readableFile(filesOption.get(), item.strip()));
                }
            }
        }
        Optional<String> principal = value(options, KERBEROS_PRINCIPAL);
        Optional<String> keytab = value(options, KERBEROS_KEYTAB);
        if (principal.isPresent() != keytab.isPresent()) {
            throw invalid(KERBEROS_PRINCIPAL + " and " + KERBEROS_KEYTAB + " go together: give both or neither");
        }
        Optional<String> user = value(options, USER);
        if (user.isPresent() && principal.isPresent()) {
            throw invalid(USER + " is for clusters without Kerberos; with " + KERBEROS_PRINCIPAL
                    + " the principal is the user");
        }
        Optional<Path> keytabFile =
                keytab.isPresent() ? Optional.of(readableFile(KERBEROS_KEYTAB, keytab.get())) : Optional.empty();
        return new HdfsOptions(files, hadoop, user, principal, keytabFile);
    }

    private static Path readableFile(String option, String name) throws UfsException {
        Path file;
        try {
            file = Path.of(name);
        } catch (InvalidPathException e) {
            throw invalid(option + ": not a file name: " + name);
        }
        if (!file.isAbsolute()) {
            throw invalid(option + ": " + name + " is not an absolute path");
        }
        if (!Files.isRegularFile(file)) {
            throw invalid(option + ": " + name + " is not a file on this node");
        }
        if (!Files.isReadable(file)) {
            throw invalid(option + ": " + name + " is not readable");
        }
        return file;
    }

    private static Optional<String> value(Map<String, String> options, String name) {
        return Optional.ofNullable(options.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static UfsException invalid(String message) {
        return new UfsException(UfsException.Kind.INVALID_CONFIGURATION, message);
    }
}
