package io.strata.ufs.hdfs.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsListing;
import io.strata.spi.ufs.UfsPaths;
import io.strata.spi.ufs.UfsStatus;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.PrivilegedExceptionAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import javax.security.auth.login.LoginException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.DirectoryListing;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.SecurityUtil;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of an HDFS cluster as a UFS, on a Hadoop {@link FileSystem} of its own (never the
 * process-wide cached one), created on first use and closed with the connector.
 *
 * <ul>
 *   <li>Status: the fingerprint is the length, the modification time and the inode id
 *       ({@code <length hex>-<mtime hex>-<inode hex>}): one NameNode call, no DataNode involved
 *       (HDFS's file checksum would read every block's checksums from the DataNodes).
 *   <li>Listing: each page asks the NameNode for the entries after the marker (the last name of the
 *       previous page), {@code dfs.ls.limit} entries per call, so a page costs
 *       {@code limit / dfs.ls.limit} calls whatever the directory's size. The NameNode orders names
 *       by their UTF-8 bytes compared as signed values, so the next page continues in that order,
 *       and each page is sorted in {@link UfsPaths#NAME_ORDER} (which differs only for non-ASCII
 *       names). With a file system other than {@link DistributedFileSystem} ({@code fs.hdfs.impl}),
 *       a page scans the directory with {@link FileSystem#listStatusIterator} and keeps the
 *       {@code limit} smallest names after the marker: bounded memory, one scan per page.
 *   <li>Reads: {@code open}, {@code seek} to the offset, a stream bounded to the length.
 * </ul>
 */
final class HdfsUfs implements Ufs {
    private static final Logger LOG = LoggerFactory.getLogger(HdfsUfs.class);

    private final URI root;
    /** The HDFS path of the root, without trailing slash except for {@code /}. */
    private final String base;

    private final HdfsOptions options;
    private final Configuration configuration;
    private final HadoopLoader loader;
    private final boolean scanListing;
    private final Object lock = new Object();
    private volatile boolean closed;
    /** Guarded by {@link #lock}; null until first used. */
    private FileSystem fileSystem;
    /** Guarded by {@link #lock}. */
    private UserGroupInformation user;

    HdfsUfs(URI root, HdfsOptions options, Configuration configuration, HadoopLoader loader, boolean scanListing) {
        this.root = requireNonNull(root, "root is null");
        this.options = requireNonNull(options, "options is null");
        this.configuration = requireNonNull(configuration, "configuration is null");
        this.loader = requireNonNull(loader, "loader is null");
        this.scanListing = scanListing;
        String path = root.getPath() == null || root.getPath().isEmpty() ? "/" : root.getPath();
        this.base = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public URI root() {
        return root;
    }

    /** The Hadoop configuration of this mount (for tests). */
    Configuration configuration() {
        return configuration;
    }

    @Override
    public UfsStatus status(String path) throws UfsException {
        check(path);
        return run(path, () -> toStatus(path, fileSystem().getFileStatus(hadoopPath(path))));
    }

    @Override
    public UfsListing list(String path, Optional<String> marker, int limit) throws UfsException {
        check(path);
        requireNonNull(marker, "marker is null");
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw new UfsException(
                    UfsException.Kind.INVALID_ARGUMENT, "limit must be between 1 and " + MAX_LIST_LIMIT + ": " + limit);
        }
        return run(path, () -> {
            FileSystem fs = fileSystem();
            if (fs instanceof DistributedFileSystem dfs && !scanListing) {
                return listAfter(dfs, path, marker, limit);
            }
            return listByScan(fs, path, marker, limit);
        });
    }

    /** Asks the NameNode for the entries after the marker, as many calls as the page needs. */
    private UfsListing listAfter(DistributedFileSystem dfs, String path, Optional<String> marker, int limit)
            throws IOException {
        String directory = hadoopPath(path).toUri().getPath();
        byte[] startAfter = marker.map(name -> name.getBytes(UTF_8)).orElse(HdfsFileStatus.EMPTY_NAME);
        List<UfsStatus> entries = new ArrayList<>();
        String last = null;
        boolean more = true;
        while (more && entries.size() < limit) {
            DirectoryListing listing = dfs.getClient().listPaths(directory, startAfter, false);
            if (listing == null) {
                throw new UfsException(UfsException.Kind.NOT_FOUND, "No such directory: " + describe(path));
            }
            HdfsFileStatus[] partial = listing.getPartialListing();
            int taken = 0;
            for (HdfsFileStatus entry : partial) {
                if (entries.size() == limit) {
                    break;
                }
                if (entry.getLocalNameInBytes().length == 0) {
                    // the listing of a file is the file itself
                    throw new UfsException(UfsException.Kind.NOT_FOUND, "Not a directory: " + describe(path));
                }
                taken++;
                last = entry.getLocalName();
                child(path, last)
                        .ifPresent(child -> entries.add(toStatus(
                                child,
                                entry.isDirectory(),
                                entry.getLen(),
                                entry.getModificationTime(),
                                OptionalLong.of(entry.getFileId()))));
            }
            more = taken < partial.length || listing.hasMore();
            if (partial.length == 0) {
                break;
            }
            startAfter = partial[taken - 1].getLocalNameInBytes();
        }
        entries.sort((left, right) -> UfsPaths.NAME_ORDER.compare(left.name(), right.name()));
        return new UfsListing(entries, more && last != null ? Optional.of(last) : Optional.empty());
    }

    /** Scans the directory once and keeps the {@code limit + 1} smallest names after the marker. */
    private UfsListing listByScan(FileSystem fs, String path, Optional<String> marker, int limit) throws IOException {
        Path directory = hadoopPath(path);
        if (!fs.getFileStatus(directory).isDirectory()) {
            throw new UfsException(UfsException.Kind.NOT_FOUND, "Not a directory: " + describe(path));
        }
        // the head is the largest of the kept names
        PriorityQueue<FileStatus> smallest = new PriorityQueue<>(
                limit + 1,
                (left, right) -> UfsPaths.NAME_ORDER.compare(
                        right.getPath().getName(), left.getPath().getName()));
        RemoteIterator<FileStatus> iterator = fs.listStatusIterator(directory);
        while (iterator.hasNext()) {
            FileStatus entry = iterator.next();
            String name = entry.getPath().getName();
            if (marker.isPresent() && UfsPaths.NAME_ORDER.compare(name, marker.get()) <= 0) {
                continue;
            }
            if (smallest.size() <= limit) {
                smallest.add(entry);
            } else if (UfsPaths.NAME_ORDER.compare(
                            name, smallest.peek().getPath().getName())
                    < 0) {
                smallest.poll();
                smallest.add(entry);
            }
        }
        boolean more = smallest.size() > limit;
        if (more) {
            smallest.poll();
        }
        List<FileStatus> page = new ArrayList<>(smallest);
        page.sort((left, right) -> UfsPaths.NAME_ORDER.compare(
                left.getPath().getName(), right.getPath().getName()));
        List<UfsStatus> entries = new ArrayList<>(page.size());
        for (FileStatus entry : page) {
            child(path, entry.getPath().getName()).ifPresent(child -> entries.add(toStatus(child, entry)));
        }
        Optional<String> next =
                more ? Optional.of(page.get(page.size() - 1).getPath().getName()) : Optional.empty();
        return new UfsListing(entries, next);
    }

    @Override
    public InputStream read(String path, long offset, long length) throws UfsException {
        check(path);
        UfsPaths.checkRange(offset, length);
        if (path.isEmpty()) {
            throw new UfsException(UfsException.Kind.INVALID_ARGUMENT, "Is a directory: " + describe(path));
        }
        return run(path, () -> {
            FileSystem fs = fileSystem();
            Path file = hadoopPath(path);
            if (length == 0) {
                if (fs.getFileStatus(file).isDirectory()) {
                    throw new UfsException(UfsException.Kind.INVALID_ARGUMENT, "Is a directory: " + describe(path));
                }
                return InputStream.nullInputStream();
            }
            FSDataInputStream in;
            try {
                in = fs.open(file);
            } catch (FileNotFoundException e) {
                // HDFS answers "not a file" for a directory
                if (fs.exists(file) && fs.getFileStatus(file).isDirectory()) {
                    throw new UfsException(UfsException.Kind.INVALID_ARGUMENT, "Is a directory: " + describe(path));
                }
                throw e;
            }
            try {
                if (offset > 0) {
                    in.seek(offset);
                }
            } catch (EOFException e) {
                // the range starts after the end of the file
                in.close();
                return InputStream.nullInputStream();
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            return new HdfsInputStream(in, path, length);
        });
    }

    @Override
    public void checkReachable() throws UfsException {
        run("", () -> {
            FileStatus status;
            try {
                status = fileSystem().getFileStatus(hadoopPath(""));
            } catch (FileNotFoundException e) {
                throw new UfsException(UfsException.Kind.UNAVAILABLE, "Folder " + describe("") + " does not exist");
            }
            if (!status.isDirectory()) {
                throw new UfsException(UfsException.Kind.UNAVAILABLE, describe("") + " is not a folder");
            }
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        FileSystem closing;
        synchronized (lock) {
            closed = true;
            closing = fileSystem;
            fileSystem = null;
        }
        if (closing != null) {
            loader.call(() -> {
                closing.close();
                return null;
            });
        }
    }

    /** The file system of this mount: logs in and creates the client on first use. */
    private FileSystem fileSystem() throws IOException {
        synchronized (lock) {
            checkOpen();
            if (fileSystem != null) {
                if (options.kerberos()) {
                    user.checkTGTAndReloginFromKeytab();
                }
                return fileSystem;
            }
            UserGroupInformation login = login();
            try {
                fileSystem =
                        login.doAs((PrivilegedExceptionAction<FileSystem>) () -> FileSystem.get(root, configuration));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UfsException(UfsException.Kind.TRANSIENT, "Interrupted while connecting to " + root);
            }
            user = login;
            LOG.debug("HDFS client for {} created as {}", root, login.getUserName());
            return fileSystem;
        }
    }

    private UserGroupInformation login() throws IOException {
        if (options.kerberos()) {
            String principal = options.kerberosPrincipal().orElseThrow();
            String keytab = options.kerberosKeytab().orElseThrow().toString();
            try {
                // Hadoop keeps the security mode process-wide: every HDFS mount of this node then uses Kerberos
                configuration.set("hadoop.security.authentication", "kerberos");
                UserGroupInformation.setConfiguration(configuration);
                principal = SecurityUtil.getServerPrincipal(principal, (String) null);
            } catch (IllegalArgumentException e) {
                throw new UfsException(
                        UfsException.Kind.INVALID_CONFIGURATION,
                        "Kerberos is not configured on this node (krb5.conf) for " + principal + ": " + rootMessage(e),
                        e);
            }
            try {
                return UserGroupInformation.loginUserFromKeytabAndReturnUGI(principal, keytab);
            } catch (IOException e) {
                throw new UfsException(
                        UfsException.Kind.PERMISSION_DENIED,
                        "Kerberos login as " + principal + " with keytab " + keytab + " failed: " + rootMessage(e),
                        e);
            }
        }
        if (options.user().isPresent()) {
            return UserGroupInformation.createRemoteUser(options.user().get());
        }
        return UserGroupInformation.getCurrentUser();
    }

    private void checkOpen() throws UfsException {
        if (closed) {
            throw new UfsException(UfsException.Kind.UNAVAILABLE, "The connector of " + root + " is closed");
        }
    }

    private void check(String path) throws UfsException {
        requireNonNull(path, "path is null");
        checkOpen();
        try {
            UfsPaths.checkRelative(path);
        } catch (IllegalArgumentException e) {
            boolean dotDot =
                    path.equals("..") || path.startsWith("../") || path.contains("/../") || path.endsWith("/..");
            throw new UfsException(
                    dotDot ? UfsException.Kind.PERMISSION_DENIED : UfsException.Kind.INVALID_ARGUMENT,
                    "Invalid path: " + path);
        }
    }

    private Path hadoopPath(String path) {
        String absolute = path.isEmpty() ? base : base.equals("/") ? "/" + path : base + "/" + path;
        return new Path(root.getScheme(), root.getAuthority(), absolute);
    }

    private String describe(String path) {
        return "hdfs://" + root.getAuthority()
                + (path.isEmpty() ? base : hadoopPath(path).toUri().getPath());
    }

    /** The child's relative path; names that cannot be one are not listed. */
    private static Optional<String> child(String parent, String name) {
        try {
            return Optional.of(UfsPaths.child(parent, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static UfsStatus toStatus(String path, FileStatus status) {
        OptionalLong inode =
                status instanceof HdfsFileStatus hdfs ? OptionalLong.of(hdfs.getFileId()) : OptionalLong.empty();
        return toStatus(path, status.isDirectory(), status.getLen(), status.getModificationTime(), inode);
    }

    private static UfsStatus toStatus(String path, boolean directory, long length, long modified, OptionalLong inode) {
        Instant lastModified = Instant.ofEpochMilli(modified);
        if (directory) {
            return UfsStatus.directory(path, Optional.of(lastModified));
        }
        String fingerprint = Long.toHexString(length) + "-" + Long.toHexString(modified)
                + (inode.isPresent() ? "-" + Long.toHexString(inode.getAsLong()) : "");
        return UfsStatus.file(path, length, lastModified, Optional.of(fingerprint));
    }

    @FunctionalInterface
    private interface HadoopCall<T> {
        T call() throws IOException;
    }

    /** Runs a Hadoop call with the plugin's loader and turns its failures into {@link UfsException}s. */
    private <T> T run(String path, HadoopCall<T> call) throws UfsException {
        try {
            return loader.call(call::call);
        } catch (IOException | RuntimeException e) {
            throw failure(path, e);
        }
    }

    private UfsException failure(String path, Exception e) {
        if (e instanceof UfsException ufs) {
            return ufs;
        }
        if (closed) {
            return new UfsException(UfsException.Kind.UNAVAILABLE, "The connector of " + root + " is closed", e);
        }
        String what = describe(path);
        if (e instanceof FileNotFoundException || e instanceof ParentNotDirectoryException) {
            return new UfsException(UfsException.Kind.NOT_FOUND, "No such file or directory: " + what, e);
        }
        if (e instanceof AccessControlException) {
            return new UfsException(
                    UfsException.Kind.PERMISSION_DENIED, "Permission denied: " + what + ": " + firstLine(e), e);
        }
        if (e instanceof RemoteException remote) {
            String type = remote.getClassName() == null ? "" : remote.getClassName();
            if (type.endsWith("SafeModeException")
                    || type.endsWith("StandbyException")
                    || type.endsWith("RetriableException")
                    || type.endsWith("ObserverRetryOnActiveException")) {
                return new UfsException(
                        UfsException.Kind.TRANSIENT, "The NameNode cannot answer now: " + firstLine(e), e);
            }
            if (type.endsWith("InvalidPathException")) {
                return new UfsException(UfsException.Kind.INVALID_ARGUMENT, "Invalid path: " + what, e);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return new UfsException(
                        UfsException.Kind.UNAVAILABLE,
                        "Cannot resolve the NameNode host of " + root + ": " + cause.getMessage(),
                        e);
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new UfsException(
                        UfsException.Kind.UNAVAILABLE,
                        "Cannot connect to the NameNode of " + root + ": " + rootMessage(cause),
                        e);
            }
            if (cause instanceof SocketTimeoutException) {
                return new UfsException(
                        UfsException.Kind.TRANSIENT, "Request for " + what + " timed out: " + firstLine(cause), e);
            }
            if (cause instanceof LoginException) {
                return new UfsException(
                        UfsException.Kind.PERMISSION_DENIED, "Login to " + root + " failed: " + firstLine(cause), e);
            }
        }
        if (e instanceof IllegalArgumentException) {
            return new UfsException(
                    UfsException.Kind.INVALID_ARGUMENT, "Invalid request for " + what + ": " + firstLine(e), e);
        }
        if (e instanceof RuntimeException) {
            LOG.warn("Unexpected failure of the Hadoop client on {}", what, e);
            return new UfsException(
                    UfsException.Kind.UNAVAILABLE, "Request for " + what + " failed: " + firstLine(e), e);
        }
        return new UfsException(UfsException.Kind.TRANSIENT, "Request for " + what + " failed: " + firstLine(e), e);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return firstLine(cause);
    }

    /**
     * The file's bytes from the offset, at most {@code remaining} of them; failures while reading
     * become {@link UfsException}s, and Hadoop runs with the plugin's loader.
     */
    private final class HdfsInputStream extends FilterInputStream {
        private final String path;
        private long remaining;

        HdfsInputStream(FSDataInputStream in, String path, long remaining) {
            super(in);
            this.path = path;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int value = run(path, super::read);
            if (value >= 0) {
                remaining--;
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (remaining <= 0) {
                return -1;
            }
            int count = run(path, () -> super.read(buffer, offset, (int) Math.min(length, remaining)));
            if (count > 0) {
                remaining -= count;
            }
            return count;
        }

        @Override
        public long skip(long count) throws IOException {
            long skipped = run(path, () -> super.skip(Math.min(count, remaining)));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(run(path, super::available), remaining);
        }

        @Override
        public void close() throws IOException {
            try {
                run(path, () -> {
                    super.close();
                    return null;
                });
            } catch (UfsException e) {
                // closing the connector closed its streams already
                if (!closed) {
                    throw e;
                }
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
