package io.strata.meta.service.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The meta-service's keys, {@code strata.metaservice.*}. */
@ObjectClassDefinition(
        name = "Meta-service",
        description = "The cloud Meta Service HTTP API under /MetaService/http/ (coordinators).")
public @interface MetaServiceConfig {
    @AttributeDefinition(
            type = AttributeType.PASSWORD,
            description = "Token every /MetaService/http call must carry as ?token=. "
                    + "Empty: a random token is generated on first start, kept in strata.metaservice.state.dir and logged once. "
                    + "Set it on every coordinator when there are several.")
    String token() default "";

    @AttributeDefinition(
            type = AttributeType.PASSWORD,
            description =
                    "AES-256 key (base64 of 32 bytes) encrypting access and secret keys "
                            + "in ZooKeeper; must be the same on every coordinator. Empty: generated on first start and kept in strata.metaservice.state.dir.")
    String encryption_key() default "";

    @AttributeDefinition(
            description =
                    "Folder of the generated token and encryption key; empty: the 'meta-service' folder of strata.data.dir.")
    String state_dir() default "";

    @AttributeDefinition(
            description =
                    "Check cluster names against ^[a-zA-Z][a-zA-Z0-9_]*$ in add_cluster and node calls (the reference's enable_cluster_name_check).")
    boolean cluster_name_check_enabled() default false;

    @AttributeDefinition(
            description =
                    "Resolve a cloud_unique_id of the form 1:<instance_id>:<x> only when that instance exists (the reference's enable_check_instance_id).")
    boolean instance_id_check_enabled() default true;

    @AttributeDefinition(
            description =
                    "Refuse to drop an SQL (FE) node or cluster whose nodes were added less than strata.metaservice.fe.drop.safe.time.ms ago.")
    boolean fe_drop_safe_time_check_enabled() default true;

    @AttributeDefinition(description = "The FE drop safety window.")
    long fe_drop_safe_time_ms() default 300_000L;

    @AttributeDefinition(description = "user_id of the iam_user get_instance reports (the reference's arn_id).")
    String arn_id() default "";

    @AttributeDefinition(description = "Access key of the iam_user get_instance reports (the reference's arn_ak).")
    String arn_ak() default "";

    @AttributeDefinition(
            type = AttributeType.PASSWORD,
            description = "Secret key of the iam_user get_instance reports (the reference's arn_sk).")
    String arn_sk() default "";

    @AttributeDefinition(
            description =
                    "How often a change of one instance is re-applied after losing a compare-and-set race before the call fails.")
    int cas_attempts_max() default 1000;

    @AttributeDefinition(
            description =
                    "Most instance-record writes sent to ZooKeeper in one transaction (group commit of concurrent calls).")
    int write_batch_ops_max() default 128;

    @AttributeDefinition(
            description =
                    "Most bytes of record data (plus a per-write allowance) in one ZooKeeper transaction; "
                            + "keep it well under ZooKeeper's jute.maxbuffer (1 MiB by default). A larger single record goes alone.")
    int write_batch_max_bytes() default 524_288;

    @AttributeDefinition(
            description =
                    "Most write transactions in flight at once; calls arriving meanwhile are grouped into the next one.")
    int write_batches_inflight_max() default 1;

    @AttributeDefinition(description = "How long a call waits for its write's transaction before it fails.")
    long write_timeout_ms() default 30_000L;
}
