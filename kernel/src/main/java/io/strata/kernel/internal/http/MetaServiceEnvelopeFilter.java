package io.strata.kernel.internal.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.strata.spi.http.MetaServiceEnvelope;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.UncheckedIOException;

/**
 * Renders the JSON answers of {@link MetaServiceEnvelope} resources the way the reference
 * meta-service does: pretty-printed with 4 spaces and {@code "key": value}, followed by one newline.
 * Uses the generation's mapper, so naming and inclusion rules stay those of the kernel. Bound to
 * those resources only ({@link KernelFilters}).
 */
final class MetaServiceEnvelopeFilter implements ContainerResponseFilter {
    private final ObjectWriter writer;

    MetaServiceEnvelopeFilter(ObjectMapper mapper) {
        this.writer = requireNonNull(mapper, "mapper is null").writer(printer());
    }

    /** The reference's layout: 4-space indents, {@code "key": value}, empty objects as {@code {}}. */
    static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity == null
                || entity instanceof String
                || entity instanceof byte[]
                || entity instanceof StreamingOutput) {
            return;
        }
        MediaType type = response.getMediaType();
        if (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        try {
            response.setEntity(
                    writer.writeValueAsString(entity) + "\n",
                    response.getEntityAnnotations(),
                    MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
