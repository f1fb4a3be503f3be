package io.strata.cache.internal.read;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Keys {@code strata.read.*}: how workers serve file reads. */
@ObjectClassDefinition(name = "File reads")
public @interface ReadConfig {
    @AttributeDefinition(
            min = "0",
            description = "How long a worker trusts the status (length, modification time, ETag) it last read of a"
                    + " UFS file before asking the UFS again. A change of the file in the UFS is noticed (and its"
                    + " cached pages dropped) within this time; 0 asks the UFS on every read.")
    long metadata_ttl_ms() default 2_000;

    @AttributeDefinition(
            min = "1",
            description = "Most pages read from the UFS that may wait to be written into the cache. A read never"
                    + " waits for the cache: when the queue is full, the page is served and not cached.")
    int cache_write_queue_pages() default 64;
}
