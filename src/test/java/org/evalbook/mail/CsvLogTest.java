package org.evalbook.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.evalbook.intake.ReceiptLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLogTest {
    @TempDir
    Path temp;

    /** A run killed in the middle of writing a row leaves it without its line end; the next row must still stand alone. */
    @Test
    void aRowAKilledRunLeftHalfWrittenSpoilsOnlyItself() throws Exception {
        ReceiptLog.Receipt first = receipt(1, "a.xlsx");
        CsvLog.append(temp.resolve(ReceiptLog.FILE_NAME), ReceiptLog.HEADER, first.row());
        Files.writeString(temp.resolve(ReceiptLog.FILE_NAME), "2027-03-30T09:15:00+08:00,unit@example.cn,回", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        ReceiptLog.Receipt next = receipt(2, "b.xlsx");

        CsvLog.append(temp.resolve(ReceiptLog.FILE_NAME), ReceiptLog.HEADER, next.row());

        assertThat(ReceiptLog.read(temp)).containsExactly(first, next);
    }

    private static ReceiptLog.Receipt receipt(long uid, String name) {
        return new ReceiptLog.Receipt(OffsetDateTime.parse("2027-03-30T09:15:00+08:00"), "unit@example.cn", "回收", "<" + uid + "@example.cn>",
                7, uid, "1", name, name, ReceiptStore.sha256(name.getBytes(StandardCharsets.UTF_8)), "");
    }
}
