package io.strata.api.v1.introspection;

import static java.util.Objects.requireNonNull;

/**
 * One configuration key as {@code GET /config?name=} and {@code GET /configs} show it, with the
 * reference's fields, all strings. {@code type} is one of {@code FV_BOOL}, {@code FV_INT32},
 * {@code FV_INT64}, {@code FV_DOUBLE}, {@code FV_STRING}; {@code tags} is {@value #MUTABLE} for a key
 * that {@code /updateConfig} may change and empty otherwise. A secret's value reads {@code ******}.
 */
public record ConfigInfo(String name, String section, String type, String tags, String description, String value) {
    public static final String MUTABLE = "flag_tag::FT_MUTABLE";

    public ConfigInfo {
        requireNonNull(name, "name is null");
        requireNonNull(section, "section is null");
        requireNonNull(type, "type is null");
        requireNonNull(tags, "tags is null");
        requireNonNull(description, "description is null");
        requireNonNull(value, "value is null");
    }

    public boolean mutable() {
        return tags.contains(MUTABLE);
    }
}
