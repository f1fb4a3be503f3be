package io.strata.ufs.local.internal;

import static java.util.Objects.requireNonNull;

import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsException;
import io.strata.spi.ufs.UfsListing;
import io.strata.spi.ufs.UfsPaths;
import io.strata.spi.ufs.UfsStatus;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of the node's file system (local disk or NAS) as a UFS. Every path is resolved against
 * the folder's real path and refused when it leads outside: {@code ..} segments, and symbolic links
 * whose target is outside the folder (links inside it are followed). Listings scan the directory
 * once per page and keep only one page of names in memory, so any directory size works.
 */
final class LocalUfs implements Ufs {
    private static final Logger LOG = LoggerFactory.getLogger(LocalUfs.class);

    private final URI root;
    private final Path folder;
    private final AtomicBoolean closed = new AtomicBoolean();

    LocalUfs(URI root, Path folder) {
        this.root = requireNonNull(root, "root is null");
        this.folder = requireNonNull(folder, "folder is null");
    }

    @Override
    public URI root() {
        return root;
    }

    @Override
    public UfsStatus status(String path) throws UfsException {
        Path file = resolve(path);
        return status(path, file, attributes(path, file));
    }

    @Override
    public UfsListing list(String path, Optional<String> marker, int limit) throws UfsException {
        requireNonNull(marker, "marker is null");
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw new UfsException(
                    UfsException.Kind.INVALID_ARGUMENT, "limit must be between 1 and " + MAX_LIST_LIMIT + ": " + limit);
        }
        Path directory = resolve(path);
        // the smallest limit + 1 names after the marker; the head is the largest of them
        PriorityQueue<String> smallest = new PriorityQueue<>(limit + 1, UfsPaths.NAME_ORDER.reversed());
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (marker.isPresent() && UfsPaths.NAME_ORDER.compare(name, marker.get()) <= 0) {
                    continue;
                }
                if (smallest.size() <= limit) {
                    smallest.add(name);
                } else if (UfsPaths.NAME_ORDER.compare(name, smallest.peek()) < 0) {
                    smallest.poll();
                    smallest.add(name);
                }
            }
        } catch (NotDirectoryException e) {
            throw new UfsException(UfsException.Kind.NOT_FOUND, "Not a directory: " + describe(path));
        } catch (IOException e) {
            throw failure(path, e);
        }
        boolean more = smallest.size() > limit;
        if (more) {
            smallest.poll();
        }
        List<String> names = new ArrayList<>(smallest);
        names.sort(UfsPaths.NAME_ORDER);
        List<UfsStatus> statuses = new ArrayList<>(names.size());
        Path realFolder = realFolder();
        for (String name : names) {
            entryStatus(path, realFolder, directory, name).ifPresent(statuses::add);
        }
        Optional<String> next = more ? Optional.of(names.get(names.size() - 1)) : Optional.empty();
        return new UfsListing(statuses, next);
    }

    @Override
    public InputStream read(String path, long offset, long length) throws UfsException {
        UfsPaths.checkRange(offset, length);
        Path file = resolve(path);
        if (attributes(path, file).isDirectory()) {
            throw new UfsException(UfsException.Kind.INVALID_ARGUMENT, "Is a directory: " + describe(path));
        }
        try {
            // the real path has no links left; refusing one here closes the window for a swap
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            try {
                channel.position(offset);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw failure(path, e);
        }
    }

    @Override
    public void checkReachable() throws UfsException {
        if (closed.get()) {
            throw new UfsException(UfsException.Kind.UNAVAILABLE, "The connector of " + root + " is closed");
        }
        if (!Files.exists(folder)) {
            throw new UfsException(UfsException.Kind.UNAVAILABLE, "Folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new UfsException(UfsException.Kind.UNAVAILABLE, folder + " is not a folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.iterator().hasNext();
        } catch (AccessDeniedException e) {
            throw new UfsException(UfsException.Kind.PERMISSION_DENIED, "Folder " + folder + " is not readable");
        } catch (IOException | RuntimeException e) {
            throw new UfsException(
                    UfsException.Kind.UNAVAILABLE, "Folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed.set(true);
    }

    /** The real path of {@code path}, refused when it does not exist or leads outside the folder. */
    private Path resolve(String path) throws UfsException {
        requireNonNull(path, "path is null");
        if (closed.get()) {
            throw new UfsException(UfsException.Kind.UNAVAILABLE, "The connector of " + root + " is closed");
        }
        if (path.equals("..") || path.startsWith("../") || path.endsWith("/..") || path.contains("/../")) {
            throw outside(path);
        }
        try {
            UfsPaths.checkRelative(path);
        } catch (IllegalArgumentException e) {
            throw new UfsException(UfsException.Kind.INVALID_ARGUMENT, "Invalid path: " + path);
        }
        Path realFolder = realFolder();
        Path real;
        try {
            real = realFolder.resolve(path).toRealPath();
        } catch (IOException e) {
            throw failure(path, e);
        }
        if (!real.startsWith(realFolder)) {
            throw outside(path);
        }
        return real;
    }

    private Path realFolder() throws UfsException {
        try {
            return folder.toRealPath();
        } catch (NoSuchFileException e) {
            throw new UfsException(UfsException.Kind.UNAVAILABLE, "Folder " + folder + " does not exist");
        } catch (IOException e) {
            throw new UfsException(
                    UfsException.Kind.UNAVAILABLE, "Folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    private Optional<UfsStatus> entryStatus(String parent, Path realFolder, Path directory, String name)
            throws UfsException {
        String child;
        try {
            child = UfsPaths.child(parent, name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Path entry = directory.resolve(name);
        try {
            Path real = entry.toRealPath();
            if (!real.startsWith(realFolder)) {
                LOG.debug("Not listing {}: its link leads outside {}", entry, folder);
                return Optional.empty();
            }
            return Optional.of(status(child, real, Files.readAttributes(real, BasicFileAttributes.class)));
        } catch (NoSuchFileException e) {
            // deleted since the scan, or a dangling link
            return Optional.empty();
        } catch (IOException e) {
            throw failure(child, e);
        }
    }

    private BasicFileAttributes attributes(String path, Path file) throws UfsException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw failure(path, e);
        }
    }

    private static UfsStatus status(String path, Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return UfsStatus.directory(
                    path, Optional.of(attributes.lastModifiedTime().toInstant()));
        }
        long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        String fingerprint = Long.toHexString(attributes.size()) + "-" + Long.toHexString(modified);
        return UfsStatus.file(
                path, attributes.size(), attributes.lastModifiedTime().toInstant(), Optional.of(fingerprint));
    }

    private UfsException outside(String path) {
        return new UfsException(
                UfsException.Kind.PERMISSION_DENIED, "Path " + path + " leads outside the mounted folder " + folder);
    }

    private UfsException failure(String path, IOException e) {
        if (e instanceof UfsException ufs) {
            return ufs;
        }
        if (e instanceof NoSuchFileException) {
            return new UfsException(UfsException.Kind.NOT_FOUND, "No such file or directory: " + describe(path));
        }
        if (e instanceof AccessDeniedException) {
            return new UfsException(UfsException.Kind.PERMISSION_DENIED, "Permission denied: " + describe(path));
        }
        // a NAS that hiccups (stale handle, I/O error) may answer the next time
        return new UfsException(
                UfsException.Kind.TRANSIENT, "Cannot access " + describe(path) + ": " + e.getMessage(), e);
    }

    private String describe(String path) {
        return path.isEmpty() ? folder.toString() : folder.resolve(path).toString();
    }

    /** Reads at most {@code remaining} bytes of the underlying stream. */
    private static final class BoundedInputStream extends FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int value = super.read();
            if (value >= 0) {
                remaining--;
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int count = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (count > 0) {
                remaining -= count;
            }
            return count;
        }

        @Override
        public long skip(long count) throws IOException {
            long skipped = super.skip(Math.min(count, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
