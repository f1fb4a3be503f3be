package io.strata.mount.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Keys {@code strata.mount.*}. */
@ObjectClassDefinition(name = "Mount table")
public @interface MountConfig {
    @AttributeDefinition(
            description = "Properties file holding a static mount table (<name>.path, <name>.ufs,"
                    + " <name>.option.<key>; 'root' is mounted at / when it has no path). When set, the"
                    + " mounts come from that file and the mount write calls answer 501; empty keeps the"
                    + " table in ZooKeeper.")
    String table_static() default "";

    @AttributeDefinition(
            description = "How long mounting waits for the UFS to answer its reachability check before"
                    + " refusing the mount.")
    long check_timeout_ms() default 30_000;

    @AttributeDefinition(
            description = "How long a mount change (and a read of the table while this node's view is"
                    + " still loading) waits for ZooKeeper, first for a connection and then for the answer,"
                    + " before answering 503. A change that timed out may still be made once ZooKeeper"
                    + " answers.")
    long zookeeper_timeout_ms() default 10_000;
}
