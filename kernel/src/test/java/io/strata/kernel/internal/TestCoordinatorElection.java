package io.strata.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.spi.Leadership;
import io.strata.spi.http.Description;
import io.strata.spi.http.LeaderOnly;
import io.strata.spi.http.Resources;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two coordinators on one ZooKeeper: one leads, the standby redirects leader-only calls, and takes over. */
final class TestCoordinatorElection {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Path("/api/v1/leading")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class LeadingResource {
        @GET
        @LeaderOnly
        @Description("Answered by the leader only.")
        public Map<String, String> leading() {
            return Map.of("served", "by the leader");
        }
    }

    @Test
    void testStandbyRedirectsToTheLeaderAndTakesOver(
            @TempDir java.nio.file.Path first, @TempDir java.nio.file.Path second) throws Exception {
        try (TestingServer zooKeeper =
                new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, -1, -1, null, "127.0.0.1"), true)) {
            Map<String, String> external = Map.of("strata.zookeeper.address", zooKeeper.getConnectString());
            TestingKernel leader = TestingKernel.start(first, external);
            try (TestingKernel standby = TestingKernel.start(second, external)) {
                run(leader, standby);
            } finally {
                leader.close();
            }
        }
    }

    private static void run(TestingKernel leader, TestingKernel standby) {
        {
            register(leader);
            register(standby);
            Poll.await(
                    TIMEOUT, "the first node to lead", () -> leadership(leader).isLeader());
            Poll.await(
                    TIMEOUT,
                    "the standby to see the leader",
                    () -> leadership(standby).leaderUrl().isPresent());
            assertThat(leadership(standby).isLeader()).isFalse();
            assertThat(leadership(standby).leaderUrl()).hasValue(leader.uri(""));

            Poll.await(
                    TIMEOUT,
                    "the route on both",
                    () -> leader.get("/api/v1/leading").statusCode() == 200
                            && standby.get("/api/v1/leading").statusCode() == 307);
            HttpResponse<String> redirect = standby.get("/api/v1/leading?x=1");
            assertThat(redirect.statusCode()).isEqualTo(307);
            assertThat(redirect.headers().firstValue("Location"))
                    .hasValue(leader.uri("/api/v1/leading?x=1").toString());
            assertThat(leader.get("/api/v1/leading").body()).isEqualTo("{\"served\":\"by the leader\"}");
            assertThat(standby.get("/api/v1/health").statusCode())
                    .as("calls not marked stay local")
                    .isEqualTo(200);

            leader.close();
            Poll.await(
                    TIMEOUT,
                    "the standby to take over",
                    () -> leadership(standby).isLeader());
            assertThat(standby.get("/api/v1/leading").statusCode()).isEqualTo(200);
        }
    }

    private static Leadership leadership(TestingKernel node) {
        var context = node.kernel().context();
        return context.getService(context.getServiceReference(Leadership.class));
    }

    private static void register(TestingKernel node) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Resources.RESOURCE, true);
        node.kernel().context().registerService(LeadingResource.class.getName(), new LeadingResource(), properties);
    }
}
