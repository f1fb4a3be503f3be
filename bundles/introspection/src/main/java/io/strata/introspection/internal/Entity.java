package io.strata.introspection.internal;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a group of metrics is about: the server ({@code server}, id {@code host:port}), a bundle
 * ({@code bundle}, id its symbolic name) or the entity a metric name is tagged with
 * ({@code strata.http.request{route=GET /version}} belongs to {@code route} {@code GET /version}).
 */
record Entity(String type, String id, SortedMap<String, String> attributes, List<Reading> readings) {
    static final String SERVER = "server";
    static final String BUNDLE = "bundle";
    static final String ROUTE = "route";

    Entity {
        requireNonNull(type, "type is null");
        requireNonNull(id, "id is null");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(attributes, "attributes is null")));
        readings = List.copyOf(requireNonNull(readings, "readings is null"));
    }

    Entity withReadings(List<Reading> kept) {
        return new Entity(type, id, attributes, kept);
    }
}
