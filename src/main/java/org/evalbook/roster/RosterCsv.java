package org.evalbook.roster;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A roster saved as CSV (or as tab-separated text): comma-separated, in UTF-8 with or without a byte-order mark, or in GB18030 (which is what
 * Excel writes for “CSV（逗号分隔）” on a Chinese Windows). Text that is valid UTF-8 is UTF-8 — GBK text almost never
 * is — and anything else is read as GB18030, a superset of GBK and GB2312.
 */
final class RosterCsv {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String RESAVE = "请用 Excel 或 WPS 打开名册，另存为“CSV UTF-8（逗号分隔）（*.csv）”或“Excel 工作簿（*.xlsx）”后再试。";
    /** Empty lines are kept so that row numbers in messages are the ones Excel shows for the same file. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private RosterCsv() {
    }

    static RosterTable read(String name, byte[] bytes) throws RosterException {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            throw RosterException.unreadable(name, "这是 UTF-16 编码的文本（Excel 的“Unicode 文本”），不是 CSV。" + RESAVE);
        }
        String text = decode(bytes).orElseThrow(() -> RosterException.unreadable(name,
                "内容不是文本（可能是其他格式的文件改了扩展名），无法作为 CSV 读取。" + RESAVE));
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n')) {
            throw RosterException.unreadable(name, "内容含有控制字符，不是 CSV 文本（可能是其他格式的文件改了扩展名）。" + RESAVE);
        }
        List<RosterTable.Line> lines = new ArrayList<>();
        CSVFormat format = FORMAT.builder().setDelimiter(delimiter(text)).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                int number = Math.toIntExact(record.getRecordNumber());
                RosterTable.LineBuilder line = new RosterTable.LineBuilder(number);
                for (int column = 0; column < record.size(); column++) {
                    line.put(column, RosterCell.of(RosterTable.address(number, column), record.get(column), Optional.empty()));
                }
                lines.add(line.build());
            }
        } catch (IOException | UncheckedIOException malformed) {
            // Commons CSV reports an unclosed quote this way; its message is English and names no row a person can find.
            throw RosterException.unreadable(name, "引号不成对（某个以英文双引号 \" 开头的单元格没有结束的引号），无法分出各列。"
                    + "请检查名册中的英文双引号。");
        }
        return new RosterTable(lines);
    }

    /** Commas, unless the header row has tabs and no comma: Excel's “文本文件（制表符分隔）”. */
    static char delimiter(String text) {
        String header = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return header.indexOf('\t') >= 0 && header.indexOf(',') < 0 ? '\t' : ',';
    }

    /** The text, from UTF-8 when the bytes are valid UTF-8 (a leading byte-order mark dropped), else from GB18030. */
    static Optional<String> decode(byte[] bytes) {
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        ByteBuffer content = ByteBuffer.wrap(bytes, start, bytes.length - start);
        return strict(StandardCharsets.UTF_8, content.duplicate()).or(() -> strict(GB18030, content.duplicate()));
    }

    private static Optional<String> strict(Charset charset, ByteBuffer bytes) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString());
        } catch (CharacterCodingException notThisCharset) {
            return Optional.empty();
        }
    }
}
