package io.strata.meta.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TestNodeIndex {
    private static Proto.NodeInfo node(String cloudUniqueId, String ip) {
        return Proto.NodeInfo.empty().withCloudUniqueId(cloudUniqueId).withIp(ip);
    }

    private static Proto.Cluster cluster(String id, List<Proto.NodeInfo> nodes) {
        return Proto.Cluster.empty()
                .withClusterId(id)
                .withClusterName(id + "-name")
                .withNodes(nodes);
    }

    private static Proto.Instance instance(String id, Proto.Cluster... clusters) {
        return Proto.Instance.empty().withInstanceId(id).withClusters(List.of(clusters));
    }

    /** What an index given only the final records holds: a change must leave no trace of the records before. */
    private static void assertSameLookups(NodeIndex index, List<Proto.Instance> instances, List<String> ids) {
        NodeIndex full = new NodeIndex();
        instances.forEach(instance -> full.apply(instance, 1));
        for (String id : ids) {
            assertThat(index.lookup(id)).as(id).isEqualTo(full.lookup(id));
        }
    }

    @Test
    void testChangesKeepingNodeObjectsIndexLikeAFullIndex() {
        NodeIndex index = new NodeIndex();
        List<Proto.NodeInfo> nodes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            nodes.add(node("cuid-" + (i % 30), "10.0.0." + i));
        }
        Proto.Cluster first = cluster("c1", nodes.subList(0, 20));
        Proto.Cluster second = cluster("c2", nodes.subList(20, 40));
        Proto.Instance other = instance("other", cluster("o", List.of(node("cuid-3", "10.9.9.9"))));
        index.apply(other, 1);
        index.apply(instance("i", first, second), 1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            ids.add("cuid-" + i);
        }
        assertSameLookups(index, List.of(other, instance("i", first, second)), ids);

        // add_node: one node appended to the first cluster (the second one's nodes shift)
        List<Proto.NodeInfo> grown = new ArrayList<>(first.nodes());
        grown.add(node("cuid-31", "10.0.1.1"));
        Proto.Instance added = instance("i", first.withNodes(grown), second);
        index.apply(added, 2);
        assertSameLookups(index, List.of(other, added), ids);
        assertThat(index.resolve("cuid-31").orElseThrow().clusterId()).isEqualTo("c1");

        // drop_node: a node in the middle, whose cloud_unique_id another node still carries
        List<Proto.NodeInfo> shrunk = new ArrayList<>(grown);
        shrunk.remove(5);
        Proto.Instance dropped = instance("i", first.withNodes(shrunk), second);
        index.apply(dropped, 3);
        assertSameLookups(index, List.of(other, dropped), ids);
        assertThat(index.lookup("cuid-5")).extracting(NodeIndex.NodeRef::node).containsExactly(nodes.get(35));

        // rename: same node objects, another cluster name
        Proto.Instance renamed = instance("i", first.withNodes(shrunk).withClusterName("renamed"), second);
        index.apply(renamed, 4);
        assertSameLookups(index, List.of(other, renamed), ids);
        assertThat(index.resolve("cuid-12").orElseThrow().clusterName()).isEqualTo("renamed");

        // the clusters swapped: every node of the instance moves
        Proto.Instance swapped = instance("i", second, first.withNodes(shrunk).withClusterName("renamed"));
        index.apply(swapped, 5);
        assertSameLookups(index, List.of(other, swapped), ids);

        // read back from ZooKeeper: equal records, no node object in common
        Proto.Instance reread = ProtoJson.read(ProtoJson.bytes(swapped), Proto.Instance.class);
        index.apply(reread, 6);
        assertSameLookups(index, List.of(other, reread), ids);
        assertThat(index.resolve("cuid-31").orElseThrow().node())
                .isSameAs(reread.clusters().get(1).nodes().get(19));

        // an older version is ignored; a removed instance leaves nothing behind
        index.apply(instance("i"), 6);
        assertThat(index.lookup("cuid-0")).isNotEmpty();
        index.remove("i");
        assertSameLookups(index, List.of(other), ids);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void testTheSameNodeObjectTwiceInOneCluster() {
        NodeIndex index = new NodeIndex();
        Proto.NodeInfo twice = node("dup", "10.0.0.1");
        index.apply(instance("i", cluster("c", List.of(twice, twice))), 1);
        assertThat(index.lookup("dup")).hasSize(2);
        index.apply(instance("i", cluster("c", List.of(twice))), 2);
        assertThat(index.lookup("dup")).hasSize(1);
        index.apply(instance("i", cluster("c", List.of(twice, node("x", "10.0.0.2"), twice))), 3);
        assertThat(index.lookup("dup")).hasSize(2);
        assertThat(index.lookup("x")).hasSize(1);
        index.apply(instance("i", cluster("c", List.of())), 4);
        assertThat(index.lookup("dup")).isEmpty();
        assertThat(index.lookup("x")).isEmpty();
    }
}
