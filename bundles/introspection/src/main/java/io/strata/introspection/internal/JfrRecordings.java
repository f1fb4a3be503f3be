package io.strata.introspection.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** Reading what a JFR recording holds. */
final class JfrRecordings {
    private JfrRecordings() {}

    /** Every event the recording holds now; it may be running. The dump file is deleted again. */
    static List<RecordedEvent> events(Recording recording) {
        Path file = null;
        try {
            file = Files.createTempFile("strata-introspection-", ".jfr");
            recording.dump(file);
            return RecordingFile.readAllEvents(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JFR recording " + recording.getName(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is not worth failing the profile for
                }
            }
        }
    }
}
