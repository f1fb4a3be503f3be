package io.strata.meta.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.SerializedString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TestProtoJson {
    @Test
    void testIdentityCacheHitsTheSameObjectOnly() {
        ProtoJson.IdentityCache cache = new ProtoJson.IdentityCache();
        Proto.NodeInfo node = Proto.NodeInfo.empty().withCloudUniqueId("a").withIp("10.0.0.1");
        Proto.NodeInfo equal = Proto.NodeInfo.empty().withCloudUniqueId("a").withIp("10.0.0.1");
        assertThat(node).isEqualTo(equal);
        cache.put(node, new SerializedString("{\"cached\":1}"));
        assertThat(cache.get(node).getValue()).isEqualTo("{\"cached\":1}");
        assertThat(cache.get(equal)).isNull();
        cache.put(equal, new SerializedString("{\"cached\":2}"));
        assertThat(cache.get(node).getValue()).isEqualTo("{\"cached\":1}");
        assertThat(cache.get(equal).getValue()).isEqualTo("{\"cached\":2}");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void testCachedNodesWriteTheSameBytesAsFreshOnes() {
        Proto.NodeInfo node = Proto.NodeInfo.empty()
                .withCloudUniqueId("1:i:be-1")
                .withIp("10.0.0.1")
                .withHeartbeatPort(9050)
                .withStatus(Proto.NodeStatus.NODE_STATUS_RUNNING);
        Proto.Cluster cluster = Proto.Cluster.empty().withClusterId("c").withNodes(List.of(node, node));
        String first = new String(ProtoJson.bytes(cluster), StandardCharsets.UTF_8);
        String again = new String(ProtoJson.bytes(cluster), StandardCharsets.UTF_8);
        Proto.NodeInfo copy = ProtoJson.read(ProtoJson.bytes(node), Proto.NodeInfo.class);
        String fresh = new String(
                ProtoJson.bytes(Proto.Cluster.empty().withClusterId("c").withNodes(List.of(copy, copy))),
                StandardCharsets.UTF_8);
        assertThat(again).isEqualTo(first);
        assertThat(fresh).isEqualTo(first);
        assertThat(first).contains("\"cloud_unique_id\":\"1:i:be-1\"").contains("\"heartbeat_port\":9050");
    }
}
