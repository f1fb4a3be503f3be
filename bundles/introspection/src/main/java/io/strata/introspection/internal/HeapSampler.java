package io.strata.introspection.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;

/**
 * A JFR recording that runs in the background while heap sampling is enabled: the old-object
 * sampler (a few hundred live objects with their allocation stacks, for {@code /pprof/heap}) and
 * throttled allocation samples (for {@code /pprof/growth}), kept for at most an hour and 64 MB.
 * Both are JFR's low-overhead samplers, on in JFR's own default settings.
 */
final class HeapSampler implements AutoCloseable {
    static final Duration MAX_AGE = Duration.ofHours(1);
    static final long MAX_SIZE_BYTES = 64L * 1024 * 1024;
    static final String ALLOCATION_THROTTLE = "100/s";

    private final Recording recording;
    private Instant growthSince;

    private HeapSampler(Recording recording, Instant started) {
        this.recording = requireNonNull(recording, "recording is null");
        this.growthSince = requireNonNull(started, "started is null");
    }

    static HeapSampler start() {
        Recording recording = new Recording();
        recording.setName("strata-heap-sampler");
        recording.enable(JfrProfiles.OLD_OBJECT_SAMPLE).withStackTrace().with("cutoff", "0 ns");
        recording.enable(JfrProfiles.ALLOCATION_SAMPLE).withStackTrace().with("throttle", ALLOCATION_THROTTLE);
        recording.setToDisk(true);
        recording.setMaxAge(MAX_AGE);
        recording.setMaxSize(MAX_SIZE_BYTES);
        Instant started = Instant.now();
        recording.start();
        return new HeapSampler(recording, started);
    }

    /**
     * The old-object samples of the objects alive now. A short second recording with the same
     * event receives exactly one emission of the sampler's current samples when it stops (a dump
     * of the background recording would also hold the emissions of every earlier dump).
     */
    List<RecordedEvent> liveObjects() {
        try (Recording snapshot = new Recording()) {
            snapshot.setName("strata-heap-snapshot");
            snapshot.enable(JfrProfiles.OLD_OBJECT_SAMPLE).withStackTrace().with("cutoff", "0 ns");
            snapshot.setToDisk(true);
            snapshot.start();
            snapshot.stop();
            List<RecordedEvent> live = new ArrayList<>();
            for (RecordedEvent event : JfrRecordings.events(snapshot)) {
                if (event.getEventType().getName().equals(JfrProfiles.OLD_OBJECT_SAMPLE)) {
                    live.add(event);
                }
            }
            return live;
        }
    }

    /** The allocation samples since the previous call (the first call: since sampling started), and the time they start. */
    synchronized Growth growth() {
        Instant now = Instant.now();
        Instant since = growthSince;
        List<RecordedEvent> events = JfrRecordings.events(recording);
        growthSince = now;
        return new Growth(since, now, events);
    }

    record Growth(Instant since, Instant until, List<RecordedEvent> events) {}

    @Override
    public void close() {
        recording.close();
    }
}
