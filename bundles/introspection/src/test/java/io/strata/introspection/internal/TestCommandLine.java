package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TestCommandLine {
    @Test
    void testSplitsProcCmdline() {
        byte[] cmdline = "java\0-Xmx1g\0\0-cp\0lib/*\0".getBytes(StandardCharsets.UTF_8);
        assertThat(CommandLine.split(cmdline)).containsExactly("java", "-Xmx1g", "", "-cp", "lib/*");
        assertThat(CommandLine.split(new byte[0])).isEmpty();
    }

    @Test
    void testOneArgumentPerLineWithSecretsMasked() {
        List<String> arguments = List.of(
                "/usr/bin/java",
                "-Dstrata.security.admin.token=s3cret",
                "-Dstrata.ufs.s3.secret.key=k",
                "-Dstrata.x.opaque=v",
                "-Dstrata.http.port=9000",
                "io.strata.kernel.Main");
        String text = CommandLine.render(arguments, key -> key.equals("strata.x.opaque"));
        assertThat(text).isEqualTo("""
                /usr/bin/java
                -Dstrata.security.admin.token=******
                -Dstrata.ufs.s3.secret.key=******
                -Dstrata.x.opaque=******
                -Dstrata.http.port=9000
                io.strata.kernel.Main
                """);
    }

    @Test
    void testThisProcess() {
        List<String> arguments = CommandLine.arguments();
        assertThat(arguments).isNotEmpty();
        assertThat(arguments.get(0)).contains("java");
    }
}
