package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.api.v1.introspection.ConfigInfo;
import io.strata.api.v1.introspection.UpdateConfigResponse;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.config.ConfigEntry;
import io.strata.spi.config.ConfigKey;
import io.strata.spi.config.ConfigService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class TestConfigCatalog {
    /** The kernel's catalogue contract by hand: typed keys, mutable ones change, bad values are refused. */
    private static final class TestingConfigService implements ConfigService {
        private final Map<String, ConfigKey> keys = new TreeMap<>();
        private final Map<String, String> values = new TreeMap<>();

        TestingConfigService key(String name, String type, String value, boolean mutable, boolean secret) {
            String section = name.split("\\.")[1];
            keys.put(name, new ConfigKey(name, section, type, value, "About " + name + ".", mutable, secret, "kernel"));
            values.put(name, value);
            return this;
        }

        @Override
        public List<ConfigEntry> entries() {
            List<ConfigEntry> entries = new ArrayList<>();
            keys.keySet().forEach(name -> entries.add(entry(name).orElseThrow()));
            return entries;
        }

        @Override
        public Optional<ConfigEntry> entry(String name) {
            ConfigKey key = keys.get(name);
            return key == null
                    ? Optional.empty()
                    : Optional.of(new ConfigEntry(key, key.secret() ? ConfigEntry.MASK : values.get(name)));
        }

        @Override
        public ConfigEntry update(String name, String value) {
            ConfigKey key = keys.get(name);
            if (key == null) {
                throw StrataException.notFound("Unknown config: " + name);
            }
            if (!key.mutable()) {
                throw StrataException.invalidArgument(name + " cannot be changed at runtime");
            }
            if (key.type().equals("int") && !value.matches("-?[0-9]+")) {
                throw StrataException.invalidArgument(
                        "Invalid value '" + value + "' for " + name + ": expected an integer");
            }
            values.put(name, value);
            return entry(name).orElseThrow();
        }
    }

    private final TestingConfigService service = new TestingConfigService()
            .key("strata.log.level", "string", "INFO", true, false)
            .key("strata.http.port", "int", "8470", false, false)
            .key("strata.x.limit", "int", "5", true, false)
            .key("strata.x.ratio", "double", "0.5", false, false)
            .key("strata.x.big", "long", "1", false, false)
            .key("strata.x.on", "boolean", "true", false, false)
            .key("strata.security.admin.token", "password", "secret", false, true);
    private final ConfigCatalog catalog = new ConfigCatalog(service);

    private static Map<String, List<String>> query(String... keyValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters
                    .computeIfAbsent(keyValues[i], ignored -> new ArrayList<>())
                    .add(keyValues[i + 1]);
        }
        return parameters;
    }

    @Test
    void testOneKeyWithTheReferenceFields() {
        assertThat(catalog.one(query("name", "strata.log.level")))
                .isEqualTo(new ConfigInfo(
                        "strata.log.level",
                        "log",
                        "FV_STRING",
                        "flag_tag::FT_MUTABLE",
                        "About strata.log.level.",
                        "INFO"));
        assertThat(catalog.one(query("name", "strata.http.port")))
                .isEqualTo(
                        new ConfigInfo("strata.http.port", "http", "FV_INT32", "", "About strata.http.port.", "8470"));
        assertThat(catalog.one(query("name", "strata.security.admin.token")).value())
                .isEqualTo(ConfigEntry.MASK);
    }

    @Test
    void testTypesInTheReferenceVocabulary() {
        assertThat(catalog.all(Map.of()).values())
                .extracting(ConfigInfo::name, ConfigInfo::type)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("strata.x.ratio", "FV_DOUBLE"),
                        org.assertj.core.groups.Tuple.tuple("strata.x.big", "FV_INT64"),
                        org.assertj.core.groups.Tuple.tuple("strata.x.on", "FV_BOOL"),
                        org.assertj.core.groups.Tuple.tuple("strata.security.admin.token", "FV_STRING"));
    }

    @Test
    void testBadConfigQueries() {
        assertError(() -> catalog.one(query()), ErrorKind.INVALID_ARGUMENT, "name shouldn't be empty");
        assertError(() -> catalog.one(query("name", " ")), ErrorKind.INVALID_ARGUMENT, "name shouldn't be empty");
        assertError(
                () -> catalog.one(query("name", "a", "name", "b")),
                ErrorKind.INVALID_ARGUMENT,
                "duplicate parameter: name");
        assertError(
                () -> catalog.one(query("name", "strata.log.level", "detail", "")),
                ErrorKind.INVALID_ARGUMENT,
                "unknown parameter detail; /config takes only name=<config_name>");
        assertError(() -> catalog.one(query("name", "strata.nope")), ErrorKind.NOT_FOUND, "'strata.nope' is not found");
    }

    @Test
    void testAllKeysSortedByName() {
        assertThat(catalog.all(Map.of()).keySet())
                .containsExactly(
                        "strata.http.port",
                        "strata.log.level",
                        "strata.security.admin.token",
                        "strata.x.big",
                        "strata.x.limit",
                        "strata.x.on",
                        "strata.x.ratio");
        assertError(
                () -> catalog.all(query("x", "")), ErrorKind.INVALID_ARGUMENT, "/configs takes no parameters, got x");
    }

    @Test
    void testUpdateChangesAMutableKey() {
        assertThat(catalog.update(query("strata.x.limit", "9")))
                .isEqualTo(new ConfigCatalog.Update(200, new UpdateConfigResponse("ERR_OK")));
        assertThat(catalog.one(query("name", "strata.x.limit")).value()).isEqualTo("9");
    }

    @Test
    void testUpdateRefusals() {
        assertUpdate(query(), 400, "ERR_INVALID_PARAMETERS: there should be exactly one config to be updated once");
        assertUpdate(
                query("strata.x.limit", "1", "strata.log.level", "DEBUG"),
                400,
                "ERR_INVALID_PARAMETERS: there should be exactly one config to be updated once");
        assertUpdate(
                query("strata.x.limit", "1", "strata.x.limit", "2"),
                400,
                "ERR_INVALID_PARAMETERS: there should be exactly one config to be updated once");
        assertUpdate(query("strata.nope", "1"), 404, "ERR_OBJECT_NOT_FOUND: strata.nope is not found");
        assertUpdate(query("strata.http.port", "9000"), 400, "ERR_INVALID_PARAMETERS: strata.http.port is not mutable");
        assertUpdate(
                query("strata.x.limit", "many"),
                400,
                "ERR_INVALID_PARAMETERS: Invalid value 'many' for strata.x.limit: expected an integer");
        // nothing changed
        assertThat(catalog.one(query("name", "strata.x.limit")).value()).isEqualTo("5");
        assertThat(catalog.one(query("name", "strata.http.port")).value()).isEqualTo("8470");
    }

    private void assertUpdate(Map<String, List<String>> query, int status, String updateStatus) {
        assertThat(catalog.update(query))
                .isEqualTo(new ConfigCatalog.Update(status, new UpdateConfigResponse(updateStatus)));
    }

    private static void assertError(Runnable call, ErrorKind kind, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        StrataException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessage(message);
    }
}
