package io.strata.cache.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Keys {@code strata.worker.cache.*} (configuration PID {@code strata.worker}). */
@ObjectClassDefinition(name = "Worker page cache")
public @interface CacheConfig {
    @AttributeDefinition(
            description = "Size of a cache page (every page but a file's last), with a unit: B, KiB, MiB, GiB"
                    + " (KB, MB, GB and K, M, G mean the same powers of 1024); between 4KiB and 64MiB. Changing it"
                    + " drops the pages cached with the old size at the next start.")
    String cache_page_size() default "1MiB";

    @AttributeDefinition(
            description = "Cache tiers in placement order, comma separated, each MEDIUM:directory:capacity, e.g."
                    + " MEM:/dev/shm/strata:1GiB,SSD:cache:10GiB. MEDIUM is an alias (MEM, SSD, HDD, ...); a"
                    + " relative directory is under strata.data.dir; capacity is the most page bytes the tier holds"
                    + " (units as for strata.worker.cache.page.size). New pages go to the first tier with room;"
                    + " the background evictor demotes a tier's least valuable pages to the next tier.")
    String cache_tiers() default "SSD:cache:10GiB";

    @AttributeDefinition(
            description = "Fraction of a tier's capacity above which the background evictor starts"
                    + " (greater than strata.worker.cache.watermark.low, at most 1).")
    double cache_watermark_high() default 0.95;

    @AttributeDefinition(
            description = "Fraction of a tier's capacity the background evictor brings the tier down to"
                    + " (greater than 0).")
    double cache_watermark_low() default 0.7;

    @AttributeDefinition(
            description = "How often the background evictor checks the tiers against the high watermark; it also"
                    + " starts at once when a write takes a tier over it.")
    long cache_eviction_interval_ms() default 10_000;

    @AttributeDefinition(
            description = "How often pages past the time to live given by the expiry policies (TTL) are"
                    + " removed; an expired page is never served even before that.")
    long cache_expiry_check_interval_ms() default 60_000;
}
