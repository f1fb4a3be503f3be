package io.strata.api.v1.mount;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code GET /api/v1/fs/list}: one page of a directory, sorted by name. {@code nextMarker} is
 * present when more entries may follow: pass it as {@code marker} to get the next page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileList(String path, List<FileInfo> results, String nextMarker) {
    public FileList {
        requireNonNull(path, "path is null");
        results = List.copyOf(requireNonNull(results, "results is null"));
    }
}
