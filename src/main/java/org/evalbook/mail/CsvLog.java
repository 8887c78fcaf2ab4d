package org.evalbook.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Appends rows to a log kept as CSV in UTF-8 with a byte-order mark (so Excel on a Chinese Windows opens it right).
 * Each row is written and forced to disk on its own: a run killed afterwards keeps every row written before, and a
 * row a killed run left half-written is closed off, so it spoils only itself and never the next row.
 */
final class CsvLog {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvLog() {
    }

    static void append(Path file, List<String> header, List<String> row) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.EXCEL)) {
            if (!Files.exists(file) || Files.size(file) == 0) {
                printer.printRecord(header);
            }
            printer.printRecord(row.stream().map(CsvLog::neverAFormula).toList());
        }
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        boolean broken = !fresh && !endsWithNewline(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            if (fresh) {
                out.write(BOM);
            } else if (broken) {
                out.write(new byte[] {'\r', '\n'});
            }
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            channel.force(true);
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) == '\n';
        }
    }

    /** Text from a mail (a subject, a file name) opened in Excel must not become a formula. */
    static String neverAFormula(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
