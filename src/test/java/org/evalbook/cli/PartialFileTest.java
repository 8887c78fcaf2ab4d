package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workbook is written under its real name only when complete; a failure leaves nothing behind. */
class PartialFileTest {
    @TempDir
    Path temp;

    @Test
    void aWriteThatFailsHalfwayLeavesNoFileBehind() throws Exception {
        Path target = temp.resolve("空白样表.xlsx");
        assertThatThrownBy(() -> PartialFile.write(target, out -> {
            out.write("PK half a workbook".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("the writer failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the writer failed");
        assertThat(names()).isEmpty();
    }

    @Test
    void aWriteThatFailsKeepsTheEarlierCompleteFile() throws Exception {
        Path target = Files.writeString(temp.resolve("空白样表.xlsx"), "complete");
        assertThatThrownBy(() -> PartialFile.write(target, out -> {
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class);
        assertThat(names()).containsExactly("空白样表.xlsx");
        assertThat(Files.readString(target)).isEqualTo("complete");
    }

    @Test
    void aCompleteWriteIsMovedIntoPlace() throws Exception {
        Path target = temp.resolve("空白样表.xlsx");
        PartialFile.write(target, out -> out.write("complete".getBytes(StandardCharsets.UTF_8)));
        assertThat(names()).containsExactly("空白样表.xlsx");
        assertThat(Files.readString(target)).isEqualTo("complete");
    }

    private String[] names() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }
}
