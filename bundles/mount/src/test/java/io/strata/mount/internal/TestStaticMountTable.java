package io.strata.mount.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.mount.MountPoint;
import io.strata.mount.MountTable;
import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.ufs.UfsFactory;
import io.strata.ufs.local.internal.LocalUfsFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestStaticMountTable {
    @TempDir
    Path temp;

    @Test
    void testReadsTheKubernetesRootMountForm() throws Exception {
        Path file = Files.writeString(temp.resolve("mounts.properties"), """
                # as in the helm values of the reference, with Strata's prefix
                strata.mount.table.root.ufs=s3a://bucket
                strata.mount.table.root.option.s3a.accessKeyId=AKIA
                strata.mount.table.root.option.s3a.secretKey=s3cr3t
                strata.mount.table.static=conf/mounts.properties
                strata.http.port=8470
                """);
        SortedMap<String, MountPoint> table = StaticMountTable.read(file);
        assertThat(table).containsOnlyKeys("/");
        MountPoint root = table.get("/");
        assertThat(root.ufs()).hasToString("s3a://bucket/");
        assertThat(root.options()).containsEntry("s3a.accessKeyId", "AKIA").containsEntry("s3a.secretKey", "s3cr3t");
        assertThat(root.maskedOptions()).containsEntry("s3a.secretKey", "******");
    }

    @Test
    void testReadsNamedMounts() throws Exception {
        Path file = Files.writeString(temp.resolve("mounts.properties"), """
                logs.path=/logs/
                logs.ufs=file:///var/log
                data.path=/data
                data.ufs=hdfs://namenode:8020/warehouse
                data.option.alluxio.underfs.hdfs.configuration=/secrets/core-site.xml:/secrets/hdfs-site.xml
                """);
        SortedMap<String, MountPoint> table = StaticMountTable.read(file);
        assertThat(table).containsOnlyKeys("/data", "/logs");
        assertThat(table.get("/logs").ufs()).hasToString("file:///var/log/");
        assertThat(table.get("/data").options())
                .containsEntry("alluxio.underfs.hdfs.configuration", "/secrets/core-site.xml:/secrets/hdfs-site.xml");
    }

    @Test
    void testRejectsInvalidTables() throws Exception {
        assertInvalid("data.ufs=file:///x\n", "both data.path and data.ufs are required");
        assertInvalid("data.path=/x\n", "both data.path and data.ufs are required");
        assertInvalid("data.path=/x\ndata.ufs=file:///x\ndata.colour=blue\n", "unknown key data.colour");
        assertInvalid("nodot=1\n", "key nodot is not <name>.path, <name>.ufs or <name>.option.<key>");
        assertInvalid(
                "a.path=/a\na.ufs=file:///a\nb.path=/a/b\nb.ufs=file:///b\n",
                "Mount point /a/b would be nested inside mount point /a");
        assertInvalid(
                "a.path=/a\na.ufs=file:///same\nb.path=/b\nb.ufs=file:///same/\n",
                "UFS file:///same/ is already mounted at another path: /a");
        assertInvalid("a.path=relative\na.ufs=file:///a\n", "Invalid path relative: it must start with /");
        assertThatThrownBy(() -> StaticMountTable.read(temp.resolve("absent.properties")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot read the static mount table");
    }

    @Test
    void testStaticServiceRefusesWrites() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("root"));
        Files.writeString(folder.resolve("f"), "x");
        Path file = Files.writeString(temp.resolve("mounts.properties"), "root.ufs=" + folder.toUri() + "\n");
        UfsConnectors connectors = new UfsConnectors();
        connectors.addFactory(new LocalUfsFactory(), Map.of(UfsFactory.SCHEME_PROPERTY, "file", "service.id", 1L));
        // the static table never talks to ZooKeeper: no server is needed
        MountService service = new MountService(
                org.apache.curator.framework.CuratorFrameworkFactory.newClient(
                        "127.0.0.1:1", new org.apache.curator.retry.RetryOneTime(1)),
                connectors,
                Optional.of(file),
                Duration.ofSeconds(1));
        try {
            assertThat(service.mounts()).extracting(MountPoint::path).containsExactly("/");
            assertThat(service.status(service.resolve("/f")).length()).isEqualTo(1);
            String expected = "The mount table is static (strata.mount.table.static=" + file
                    + "); it cannot be changed through the API";
            assertThatThrownBy(() -> service.add("/x", "file:///x", Map.of()))
                    .isInstanceOf(StrataException.class)
                    .hasMessage(expected)
                    .extracting(e -> ((StrataException) e).kind())
                    .isEqualTo(ErrorKind.NOT_ENABLED);
            assertThatThrownBy(() -> service.remove("/"))
                    .isInstanceOf(StrataException.class)
                    .hasMessage(expected)
                    .extracting(e -> ((StrataException) e).kind())
                    .isEqualTo(ErrorKind.NOT_ENABLED);
            assertThat(service.resolve("/anything").mount().path()).isEqualTo("/");
            assertThat(MountTable.NO_MOUNTED_UFS).isEqualTo("No mounted UFS found");
        } finally {
            service.close();
            connectors.deactivate();
        }
    }

    private void assertInvalid(String content, String message) throws Exception {
        Path file = Files.writeString(temp.resolve("invalid.properties"), content);
        assertThatThrownBy(() -> StaticMountTable.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Static mount table " + file)
                .hasMessageContaining(message);
    }
}
