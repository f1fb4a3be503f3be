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

    @Test
    void testValuesWrittenOnceTwiceAndMoreWriteTheSameJsonAsBytesAndAsText() {
        Proto.NodeInfo node = Proto.NodeInfo.empty()
                .withCloudUniqueId("1:i:\u00e9t\u00e9-\u6f22")
                .withIp("10.0.0.2")
                .withHeartbeatPort(9050);
        Proto.Cluster cluster = Proto.Cluster.empty().withClusterId("c").withNodes(List.of(node));
        Proto.Instance instance = Proto.Instance.empty().withInstanceId("i").withClusters(List.of(cluster));
        // brand-new objects each time: never from the cache
        String expected = ProtoJson.compact(ProtoJson.read(ProtoJson.bytes(instance), Proto.Instance.class));
        assertThat(expected)
                .contains("\"cloud_unique_id\":\"1:i:\u00e9t\u00e9-\u6f22\"")
                .contains("\"heartbeat_port\":9050");
        // first write: straight into the document; second: cached; then from the cache, as bytes and as text
        for (int round = 0; round < 4; round++) {
            assertThat(new String(ProtoJson.bytes(instance), StandardCharsets.UTF_8))
                    .isEqualTo(expected);
            assertThat(ProtoJson.compact(instance)).isEqualTo(expected);
        }
        // a big document, so that cached values cross the generator's buffer boundaries
        List<Proto.NodeInfo> many = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(node.withIp("10.0." + (i / 250) + "." + (i % 250)));
        }
        Proto.Cluster big = cluster.withNodes(many);
        String fresh = ProtoJson.compact(ProtoJson.read(ProtoJson.bytes(big), Proto.Cluster.class));
        for (int round = 0; round < 3; round++) {
            assertThat(new String(ProtoJson.bytes(big), StandardCharsets.UTF_8)).isEqualTo(fresh);
            assertThat(ProtoJson.compact(big)).isEqualTo(fresh);
        }
    }

    @Test
    void testRawJsonWritesItsBytes() {
        byte[] utf8 = "{\"k\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        ProtoJson.RawJson raw = new ProtoJson.RawJson(utf8);
        assertThat(raw.getValue()).isEqualTo("{\"k\":\"\u00e9\"}");
        assertThat(raw.charLength()).isEqualTo(9);
        byte[] target = new byte[utf8.length + 2];
        assertThat(raw.appendUnquotedUTF8(target, 2)).isEqualTo(utf8.length);
        assertThat(java.util.Arrays.copyOfRange(target, 2, target.length)).isEqualTo(utf8);
        assertThat(raw.appendUnquotedUTF8(new byte[utf8.length - 1], 0)).isEqualTo(-1);
        char[] chars = new char[9];
        assertThat(raw.appendUnquoted(chars, 0)).isEqualTo(9);
        assertThat(new String(chars)).isEqualTo(raw.getValue());
    }
}
