package org.evalbook.mail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code 发送记录.csv}: one row per mail sent, written, or failed, in the folder of what was sent. A mail whose key
 * has a row that says it went out is not sent again (unless the command is told to resend).
 */
final class SendLog {
    static final String FILE_NAME = org.evalbook.intake.ReceiptLog.SEND_LOG;
    static final List<String> HEADER = List.of("类别", "单位代码", "单位名称", "邮箱", "内容", "Message-ID", "时间", "结果");
    static final String SENT = "已发送";
    static final String WRITTEN = "已写成 eml";

    /** What makes two mails the same mail. */
    record Key(String kind, String unitCode, String what) {
    }

    private final Path file;
    private final Set<Key> done = new HashSet<>();

    private SendLog(Path file) {
        this.file = file;
    }

    static SendLog in(Path folder) throws IOException {
        SendLog log = new SendLog(folder.resolve(FILE_NAME));
        if (Files.exists(log.file)) {
            try (Reader in = Files.newBufferedReader(log.file, StandardCharsets.UTF_8)) {
                in.mark(1);
                if (in.read() != '\uFEFF') {
                    in.reset();
                }
                for (CSVRecord row : CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    if (row.isConsistent() && row.get("结果").equals(SENT)) {
                        log.done.add(new Key(row.get("类别"), row.get("单位代码"), row.get("内容")));
                    }
                }
            }
        }
        return log;
    }

    Path file() {
        return file;
    }

    boolean sent(Key key) {
        return done.contains(key);
    }

    void record(Outgoing mail, String messageId, OffsetDateTime at, String result) throws IOException {
        CsvLog.append(file, HEADER, List.of(mail.kind().label(), mail.unitCode(), mail.unitName(), mail.address(), mail.what(),
                messageId, at.toString(), result));
        if (result.equals(SENT)) {
            done.add(mail.key());
        }
    }
}
