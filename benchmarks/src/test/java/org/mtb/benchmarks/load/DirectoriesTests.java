package org.mtb.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTests {

    @Test
    void deletesADirectoryWithEverythingInItAndLeavesWhatIsBesideIt(@TempDir Path root) throws Exception {
        Path data = root.resolve("data");
        Files.createDirectories(data.resolve("mongo/deep"));
        Files.writeString(data.resolve("mongo/deep/mtb.mv.db"), "x");
        Files.writeString(data.resolve("kafka.log"), "y");
        Files.writeString(root.resolve("beside.txt"), "z");

        Directories.deleteRecursively(data);

        assertThat(data).doesNotExist();
        assertThat(root.resolve("beside.txt")).exists();
    }

    @Test
    void doesNothingForADirectoryThatDoesNotExist(@TempDir Path root) throws Exception {
        Directories.deleteRecursively(root.resolve("never"));

        assertThat(root).exists();
    }
}
