package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One instance as kept in ZooKeeper: the reference's {@code InstanceInfoPB} plus the instance's
 * storage vaults (which the reference keeps under their own keys), so that every change of an
 * instance is one compare-and-set on one znode.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"instance", "vaults"})
record InstanceDocument(
        @JsonProperty("instance") Proto.Instance instance,

        @JsonProperty("vaults") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<Proto.StorageVault> vaults) {
    InstanceDocument {
        requireNonNull(instance, "instance is null");
        vaults = Proto.list(vaults);
    }

    static InstanceDocument of(Proto.Instance instance) {
        return new InstanceDocument(instance, List.of());
    }

    InstanceDocument withInstance(Proto.Instance value) {
        return new InstanceDocument(value, vaults);
    }

    InstanceDocument withVaults(List<Proto.StorageVault> value) {
        return new InstanceDocument(instance, value);
    }
}
