package io.strata.api.v1.nodes;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code GET /api/v1/nodes}: every registered worker, sorted by identity. */
public record WorkerNodeList(List<WorkerNode> result) {
    public WorkerNodeList {
        result = List.copyOf(requireNonNull(result, "result is null"));
    }
}
