package org.evalbook.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evalbook.finding.Finding;

/**
 * A {@link RawReturn} as a worker sends it to the parent: length-prefixed UTF-8 strings and counts in the order the
 * record holds them, maps in their reading order. A return holds some six hundred cells; as JSON, parsing them back
 * was a quarter of the parent's time at ten thousand returns. The reader's own findings, a handful at most, stay JSON.
 *
 * <p>The payload comes from our own worker, but that worker has just read an untrusted file: every count and length
 * is checked against the bytes that remain, so a damaged payload is an {@link IOException}, never a huge allocation.
 */
final class ReturnCodec {
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };
    /** Cell types come back as these very strings, so a return's six hundred cells share six. */
    private static final List<String> TYPES = List.of("NUMERIC", "STRING", "BOOLEAN", "BLANK", "ERROR", Cells.UNCACHED, Cells.UNREADABLE);

    private ReturnCodec() {
    }

    static byte[] encode(RawReturn read) throws IOException {
        Writer out = new Writer();
        out.string(read.file());
        out.string(read.format());
        out.bytes(ReaderWorker.JSON.writeValueAsBytes(read.findings()));
        out.count(read.meta().size());
        read.meta().forEach((key, value) -> {
            out.string(key);
            out.string(value);
        });
        names(out, read.names());
        out.count(read.byLabels() ? 1 : 0);
        out.count(read.sheets().size());
        read.sheets().forEach((sheet, named) -> {
            out.string(sheet);
            names(out, named);
        });
        return out.toByteArray();
    }

    static RawReturn decode(byte[] payload) throws IOException {
        try {
            Reader in = new Reader(payload);
            String file = in.string();
            String format = in.string();
            List<Finding> findings = ReaderWorker.JSON.readValue(in.bytes(), FINDINGS);
            Map<String, String> meta = new LinkedHashMap<>();
            for (int i = in.count(8); i > 0; i--) {
                meta.put(in.string(), in.string());
            }
            Map<String, RawName> names = names(in);
            boolean byLabels = in.count(0) == 1;
            Map<String, Map<String, RawName>> sheets = new LinkedHashMap<>();
            for (int i = in.count(8); i > 0; i--) {
                sheets.put(in.string(), names(in));
            }
            if (in.buffer.hasRemaining()) {
                throw new IOException("读取结果末尾多出 " + in.buffer.remaining() + " 字节");
            }
            return new RawReturn(file, format, findings, meta, names, byLabels, sheets);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException damaged) {
            throw new IOException("读取结果不完整", damaged);
        }
    }

    private static void names(Writer out, Map<String, RawName> names) {
        out.count(names.size());
        names.forEach((id, name) -> {
            out.string(id);
            out.string(name.name());
            cells(out, name.cells());
            cells(out, name.below());
            out.string(name.problem());
        });
    }

    private static Map<String, RawName> names(Reader in) throws IOException {
        Map<String, RawName> names = new LinkedHashMap<>();
        // id, name, two cell counts and a problem: at least 20 bytes a name
        for (int i = in.count(20); i > 0; i--) {
            String id = in.string();
            names.put(id, new RawName(in.string(), cells(in), cells(in), in.string()));
        }
        return names;
    }

    private static void cells(Writer out, List<RawCell> cells) {
        out.count(cells.size());
        for (RawCell cell : cells) {
            out.string(cell.ref());
            int type = TYPES.indexOf(cell.type());
            out.count(type);
            if (type < 0) {
                out.string(cell.type());
            }
            out.string(cell.text());
            out.string(cell.number());
            out.string(cell.formula());
            out.count(cell.dateFormat() ? 1 : 0);
        }
    }

    private static List<RawCell> cells(Reader in) throws IOException {
        // ref, type, three strings and a flag: at least 24 bytes a cell
        int count = in.count(24);
        List<RawCell> cells = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String ref = in.string();
            int type = in.buffer.getInt();
            String kind = type < 0 ? in.string() : TYPES.get(type);
            cells.add(new RawCell(ref, kind, in.string(), in.string(), in.string(), in.count(0) == 1));
        }
        return cells;
    }

    /** A growing byte array: ByteArrayOutputStream locks for every byte, and a return is some 60,000 of them. */
    private static final class Writer {
        private byte[] bytes = new byte[32 * 1024];
        private int size;

        void count(int value) {
            room(4);
            bytes[size++] = (byte) (value >>> 24);
            bytes[size++] = (byte) (value >>> 16);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void string(String value) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] value) {
            count(value.length);
            room(value.length);
            System.arraycopy(value, 0, bytes, size, value.length);
            size += value.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    private static final class Reader {
        private final ByteBuffer buffer;

        Reader(byte[] payload) {
            this.buffer = ByteBuffer.wrap(payload);
        }

        /** A count of things each at least {@code minBytes} long (0 for a plain number), checked against what is left. */
        int count(int minBytes) throws IOException {
            int count = buffer.getInt();
            if (count < 0 || (long) count * minBytes > buffer.remaining()) {
                throw new IOException("读取结果中的数目 " + count + " 超出其长度");
            }
            return count;
        }

        String string() throws IOException {
            int length = count(1);
            String value = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return value;
        }

        byte[] bytes() throws IOException {
            byte[] value = new byte[count(1)];
            buffer.get(value);
            return value;
        }
    }
}
