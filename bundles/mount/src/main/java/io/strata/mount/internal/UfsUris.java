package io.strata.mount.internal;

import io.strata.spi.StrataException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** UFS URIs in the one form the mount table keeps and compares. */
final class UfsUris {
    private UfsUris() {}

    /**
     * {@code s3://bucket} → {@code s3://bucket/}; the scheme in lowercase; the path ends in
     * {@code /}; no query or fragment.
     *
     * @throws StrataException {@code INVALID_ARGUMENT} naming what is wrong
     */
    static URI normalize(String ufs) {
        URI uri;
        try {
            uri = new URI(ufs.strip());
        } catch (URISyntaxException e) {
            throw StrataException.invalidArgument("Invalid UFS URI " + ufs + ": " + e.getReason());
        }
        if (uri.getScheme() == null) {
            throw StrataException.invalidArgument(
                    "Invalid UFS URI " + ufs + ": it has no scheme (for example s3://bucket/ or file:///folder/)");
        }
        if (uri.isOpaque()) {
            throw StrataException.invalidArgument("Invalid UFS URI " + ufs + ": write <scheme>://<authority>/<path>");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw StrataException.invalidArgument("Invalid UFS URI " + ufs + ": it takes no query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority + path);
    }

    /** The URI of {@code relative} (a UFS path) under {@code root}, with illegal characters quoted. */
    static URI child(URI root, String relative) {
        if (relative.isEmpty()) {
            return root;
        }
        try {
            String authority = root.getRawAuthority() == null ? "" : root.getAuthority();
            return new URI(root.getScheme(), authority, root.getPath() + relative, null, null);
        } catch (URISyntaxException e) {
            throw StrataException.invalidArgument("Invalid path " + relative + ": " + e.getReason());
        }
    }
}
