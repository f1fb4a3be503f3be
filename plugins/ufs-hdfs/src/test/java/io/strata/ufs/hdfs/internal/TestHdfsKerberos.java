package io.strata.ufs.hdfs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.spi.ufs.Ufs;
import io.strata.spi.ufs.UfsException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kerberos options reach Hadoop's keytab login (there is no KDC here: the login is refused,
 * with a message naming the principal and the keytab). Hadoop's security mode is process-wide, so
 * it is put back to simple afterwards.
 */
final class TestHdfsKerberos {
    private final HdfsUfsFactory factory = new HdfsUfsFactory();

    @AfterEach
    void restoreSimpleSecurity() {
        System.clearProperty("java.security.krb5.conf");
        factory.loader().call(() -> {
            UserGroupInformation.reset();
            UserGroupInformation.setConfiguration(new Configuration());
            return null;
        });
        factory.deactivate();
    }

    @Test
    void testKeytabLoginIsAttemptedOnFirstUse(@TempDir Path temp) throws Exception {
        // a realm whose KDC does not answer, and a keytab without the principal's key
        Path krb5 = Files.writeString(
                temp.resolve("krb5.conf"),
                String.join(
                        "\n",
                        "[libdefaults]",
                        "  default_realm = EXAMPLE.COM",
                        "  dns_lookup_kdc = false",
                        "  dns_lookup_realm = false",
                        "[realms]",
                        "  EXAMPLE.COM = {",
                        "    kdc = 127.0.0.1:1",
                        "  }",
                        ""));
        System.setProperty("java.security.krb5.conf", krb5.toString());
        Path keytab = Files.write(temp.resolve("strata.keytab"), new byte[] {5, 2, 0, 0});
        Ufs ufs = factory.create(
                URI.create("hdfs://127.0.0.1:1/data/"),
                Map.of(
                        "hdfs.kerberos.principal",
                        "strata/_HOST@EXAMPLE.COM",
                        "hdfs.kerberos.keytab",
                        keytab.toString()),
                () -> "/secure");
        try (ufs) {
            assertThat(ufs.root()).isEqualTo(URI.create("hdfs://127.0.0.1:1/data/"));
            assertThatThrownBy(ufs::checkReachable)
                    .isInstanceOf(UfsException.class)
                    .hasMessageContaining("Kerberos login as strata/")
                    .hasMessageNotContaining("_HOST")
                    .hasMessageContaining("@EXAMPLE.COM with keytab " + keytab + " failed: ")
                    .extracting(e -> ((UfsException) e).kind())
                    .isEqualTo(UfsException.Kind.PERMISSION_DENIED);
        }
    }
}
