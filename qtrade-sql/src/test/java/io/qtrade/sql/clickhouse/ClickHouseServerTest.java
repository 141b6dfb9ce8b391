package io.qtrade.sql.clickhouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the integration tests find the server binary, and that they are skipped, never passed, without one. */
class ClickHouseServerTest {

    @Test
    void withoutABinaryTheTestsAreAbortedWithTheInstallCommand(@TempDir Path empty) {
        assertThat(ClickHouseServer.findCommand(null, empty.toString(), List.of())).isEmpty();
        assertThatThrownBy(() -> ClickHouseServer.start(List.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install clickhouse-server")
                .hasMessageContaining(ClickHouseServer.BINARY_ENV);
    }

    @Test
    void theServerBinaryWinsOverTheSingleBinaryAndTheEnvironmentOverBoth(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path sbin = Files.createDirectory(dir.resolve("sbin"));
        Path single = executable(bin.resolve("clickhouse"));
        assertThat(ClickHouseServer.findCommand(null, bin.toString(), List.of(sbin)))
                .containsExactly(single.toString(), "server");
        Path server = executable(sbin.resolve("clickhouse-server"));
        assertThat(ClickHouseServer.findCommand("", bin.toString(), List.of(sbin)))
                .containsExactly(server.toString());
        Path custom = executable(dir.resolve("my-clickhouse-server"));
        assertThat(ClickHouseServer.findCommand(custom.toString(), bin.toString(), List.of(sbin)))
                .containsExactly(custom.toString());
        assertThatThrownBy(() -> ClickHouseServer.findCommand(dir.resolve("nope").toString(), null, List.of()))
                .hasMessageContaining("which is not an executable file");
    }

    private static Path executable(Path path) throws Exception {
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
