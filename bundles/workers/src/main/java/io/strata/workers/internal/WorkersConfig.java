package io.strata.workers.internal;

import io.strata.workers.HashRing;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Keys {@code strata.workers.*}. */
@ObjectClassDefinition(name = "Workers")
public @interface WorkersConfig {
    @AttributeDefinition(
            min = "1",
            max = "" + HashRing.MAX_VIRTUAL_NODES,
            description = "Points each worker owns on the consistent hash ring. More points spread keys more"
                    + " evenly (4096: each of 10 workers within about ±5 % of the mean). Must be the same on every"
                    + " node: changing it moves where data belongs, so cached data must be reloaded.")
    int ring_virtual_nodes() default HashRing.DEFAULT_VIRTUAL_NODES;
}
