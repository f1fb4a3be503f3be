package io.strata.mount.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.testing.ConfigKeys;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestMountConfig {
    private static final String PID = "strata.mount";

    @Test
    void testDefaults() {
        assertThat(ConfigKeys.defaults(MountConfig.class, PID))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "strata.mount.table.static",
                        "",
                        "strata.mount.check.timeout.ms",
                        30_000L,
                        "strata.mount.zookeeper.timeout.ms",
                        10_000L));
    }

    /** Every key carries a description in the MetaType bnd generated (what /configs shows). */
    @Test
    void testEveryKeyIsDescribedAndWellFormed() throws IOException {
        ConfigKeys.assertDescribed(MountConfig.class, PID, "strata\\.mount(\\.[a-z0-9]+)+");
    }

    /** Every strata.mount.* key the shipped site file mentions (set or commented out) is declared here. */
    @Test
    void testShippedKeysAreDeclared() throws IOException {
        assertThat(ConfigKeys.defaults(MountConfig.class, PID).keySet()).containsAll(ConfigKeys.shipped(PID + "."));
    }
}
