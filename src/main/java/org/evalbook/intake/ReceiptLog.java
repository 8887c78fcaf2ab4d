package org.evalbook.intake;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code 收件记录.csv}, the receipt log that {@code collect} keeps in the folder it saves attachments to: one row per
 * saved file, saying when it was received and from whom. A scan skips it; consolidation takes its receipt times.
 */
public final class ReceiptLog {
    public static final String FILE_NAME = "收件记录.csv";
    /** The send log that {@code issue --mail}, {@code remind} and {@code notify} keep: skipped by a scan too. */
    public static final String SEND_LOG = "发送记录.csv";
    public static final List<String> HEADER = List.of("收件时间", "发件人", "主题", "Message-ID", "UIDVALIDITY", "UID", "附件序号",
            "原文件名", "保存文件名", "SHA-256", "说明");

    /**
     * One saved file.
     *
     * @param index     the attachment's place in its message, from 1; "2.3" is the third file unpacked from the second
     * @param savedName where it was saved, relative to the log's folder, with '/'
     * @param note      what the clerk must know about this file (a zip not unpacked, and why); "" when nothing
     */
    public record Receipt(OffsetDateTime at, String sender, String subject, String messageId, long uidValidity, long uid,
                          String index, String originalName, String savedName, String sha256, String note) {
        public List<String> row() {
            return List.of(at.toString(), sender, subject, messageId, Long.toString(uidValidity), Long.toString(uid), index,
                    originalName, savedName, sha256, note);
        }
    }

    private ReceiptLog() {
    }

    /** Every well-formed row of the log in {@code folder} (none when there is no log); a damaged row is left out. */
    public static List<Receipt> read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        List<Receipt> receipts = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return receipts;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            for (CSVRecord row : CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                parse(row).ifPresent(receipts::add);
            }
        }
        return receipts;
    }

    private static Optional<Receipt> parse(CSVRecord row) {
        // A row without the last column (说明), as an older log or a hand-made one has, is whole: it has no note.
        if (row.size() != HEADER.size() && row.size() != HEADER.size() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Receipt(OffsetDateTime.parse(row.get(0)), row.get(1), row.get(2), row.get(3), Long.parseLong(row.get(4)),
                    Long.parseLong(row.get(5)), row.get(6), row.get(7), row.get(8), row.get(9), row.size() == HEADER.size() ? row.get(10) : ""));
        } catch (DateTimeParseException | NumberFormatException damaged) {
            return Optional.empty();
        }
    }
}
