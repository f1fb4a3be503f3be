package io.strata.kernel.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class TestInFlight {
    @Test
    void testRetiredIdleOwnerIsDrainedAtOnce() throws InterruptedException {
        InFlight inFlight = new InFlight();
        assertThat(inFlight.tryAcquire()).isTrue();
        assertThat(inFlight.release()).as("not retired: nobody to tell").isFalse();

        assertThat(inFlight.retire()).isTrue();
        assertThat(inFlight.retired()).isTrue();
        assertThat(inFlight.tryAcquire()).isFalse();
        assertThat(inFlight.awaitDrained(0)).isTrue();
        assertThat(inFlight.retire())
                .as("a second retire is not a second drain")
                .isFalse();
    }

    @Test
    void testLastRequestOfRetiredOwnerEndsTheDrain() throws Exception {
        InFlight inFlight = new InFlight();
        assertThat(inFlight.tryAcquire()).isTrue();
        assertThat(inFlight.tryAcquire()).isTrue();
        assertThat(inFlight.retire()).as("two requests in flight").isFalse();
        assertThat(inFlight.tryAcquire()).isFalse();
        assertThat(inFlight.awaitDrained(20)).as("still two in flight").isFalse();

        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return inFlight.awaitDrained(10_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inFlight.release()).isFalse();
        assertThat(inFlight.release()).as("the last one").isTrue();
        assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
    }
}
