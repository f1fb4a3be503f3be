package io.strata.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.spi.StrataException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestStrataPaths {
    @Test
    void testNormalize() {
        assertThat(StrataPaths.normalize("/")).isEqualTo("/");
        assertThat(StrataPaths.normalize("//")).isEqualTo("/");
        assertThat(StrataPaths.normalize("/data/")).isEqualTo("/data");
        assertThat(StrataPaths.normalize("//data//x///")).isEqualTo("/data/x");
        assertThat(StrataPaths.normalize("/a b/c")).isEqualTo("/a b/c");
        for (String invalid : new String[] {"", "data", "/a/./b", "/a/..", "/..", "/a\nb"}) {
            assertThatThrownBy(() -> StrataPaths.normalize(invalid)).as(invalid).isInstanceOf(StrataException.class);
        }
    }

    @Test
    void testWithinRelativizeJoin() {
        assertThat(StrataPaths.isWithin("/data/x", "/data")).isTrue();
        assertThat(StrataPaths.isWithin("/data", "/data")).isTrue();
        assertThat(StrataPaths.isWithin("/data2", "/data")).isFalse();
        assertThat(StrataPaths.isWithin("/anything", "/")).isTrue();
        assertThat(StrataPaths.relativize("/data/x/y", "/data")).isEqualTo("x/y");
        assertThat(StrataPaths.relativize("/data", "/data")).isEmpty();
        assertThat(StrataPaths.relativize("/x/y", "/")).isEqualTo("x/y");
        assertThat(StrataPaths.join("/data", "x/y")).isEqualTo("/data/x/y");
        assertThat(StrataPaths.join("/", "x")).isEqualTo("/x");
        assertThat(StrataPaths.join("/data", "")).isEqualTo("/data");
        assertThatThrownBy(() -> StrataPaths.relativize("/other", "/data"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testMountPointValidation() {
        assertThatThrownBy(() -> new MountPoint("/data/", URI.create("s3://b/"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MountPoint("/data", URI.create("s3://b"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new MountPoint("/data", URI.create("s3://b/"), Map.of("b", "2", "a", "1"))
                        .options()
                        .keySet())
                .containsExactly("a", "b");
        assertThat(MountPoint.isSecret("s3a.secretKey")).isTrue();
        assertThat(MountPoint.isSecret("S3A.ACCESSKEYID")).isTrue();
        assertThat(MountPoint.isSecret("hdfs.kerberos.keytab")).isTrue();
        assertThat(MountPoint.isSecret("s3a.endpoint")).isFalse();
    }
}
