package io.strata.api.v1.mount;

/**
 * {@code DELETE /api/v1/mount}: remove the mount point at {@code path}. A missing path is left
 * {@code null} so that the server can answer the reference's {@code Required parameters not provided}.
 */
public record UnmountRequest(String path) {}
