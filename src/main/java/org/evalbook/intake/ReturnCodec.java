package org.evalbook.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evalbook.finding.Finding;

/**
 * A {@link RawReturn} as a worker sends it to the parent: length-prefixed strings and counts in the order the record
 * holds them, maps in their reading order. A return holds some six hundred cells; as JSON, parsing them back was a
 * quarter of the parent's time at ten thousand returns. The reader's own findings, a handful at most, stay JSON.
 *
 * <p>Strings travel exactly: UTF-8, or UTF-16 for one holding a lone surrogate (which UTF-8 cannot carry and a
 * damaged workbook can), or a null.
 *
 * <p>What recurs in every return — name ids, cell references, formulas, sheet names — goes in full once per worker
 * and after that by its number (see {@link Repeats}): decoding those strings again was most of the time the parent
 * spent taking returns in.
 *
 * <p>The payload comes from our own worker, but that worker has just read an untrusted file: every count and length
 * is checked against the bytes that remain, so a damaged payload is an {@link IOException}, never a huge allocation.
 */
final class ReturnCodec {
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };
    /** Cell types come back as these very strings, so a return's six hundred cells share six. */
    private static final List<String> TYPES = List.of("NUMERIC", "STRING", "BOOLEAN", "BLANK", "ERROR", Cells.UNCACHED, Cells.UNREADABLE);

    /** In place of a string's length: a null, or a string in UTF-16 that follows with its length. */
    private static final int NULL = -1;
    private static final int UTF_16 = -2;
    /** In place of a string's length: one sent before, whose number follows. */
    private static final int REPEAT = -3;

    private ReturnCodec() {
    }

    /** @param sent what this worker has sent before, added to as this return goes */
    static byte[] encode(RawReturn read, Repeats sent) throws IOException {
        Writer out = new Writer(sent);
        // how many strings this end has numbered: a parent out of step with its worker finds out at once
        out.count(sent.strings.size());
        out.string(read.file());
        out.repeated(read.format());
        out.bytes(ReaderWorker.JSON.writeValueAsBytes(read.findings()));
        out.count(read.meta().size());
        read.meta().forEach((key, value) -> {
            out.repeated(key);
            out.string(value);
        });
        names(out, read.names());
        out.flag(read.byLabels());
        out.count(read.sheets().size());
        read.sheets().forEach((sheet, named) -> {
            out.repeated(sheet);
            names(out, named);
        });
        return out.toByteArray();
    }

    /** @param received what this worker has sent before, added to as this return is read */
    static RawReturn decode(byte[] payload, Repeats received) throws IOException {
        try {
            Reader in = new Reader(payload, received);
            int numbered = in.buffer.getInt();
            if (numbered != received.strings.size()) {
                throw new IOException("读取结果与此前收到的不同步（对方已编号 " + numbered + " 个字符串，此处 " + received.strings.size() + " 个）");
            }
            String file = in.string();
            String format = in.repeated();
            List<Finding> findings = ReaderWorker.JSON.readValue(in.bytes(), FINDINGS);
            Map<String, String> meta = new LinkedHashMap<>();
            for (int i = in.count(8); i > 0; i--) {
                meta.put(in.repeated(), in.string());
            }
            Map<String, RawName> names = names(in);
            boolean byLabels = in.flag();
            Map<String, Map<String, RawName>> sheets = new LinkedHashMap<>();
            for (int i = in.count(8); i > 0; i--) {
                sheets.put(in.repeated(), names(in));
            }
            if (in.buffer.hasRemaining()) {
                throw new IOException("读取结果末尾多出 " + in.buffer.remaining() + " 字节");
            }
            return new RawReturn(file, format, findings, meta, names, byLabels, sheets);
        } catch (RuntimeException damaged) {
            // cut short, or a value a record refuses (a null in the findings, say)
            throw new IOException("读取结果不完整或已损坏", damaged);
        }
    }

    private static void names(Writer out, Map<String, RawName> names) {
        out.count(names.size());
        names.forEach((id, name) -> {
            out.repeated(id);
            out.repeated(name.name());
            cells(out, name.cells());
            cells(out, name.below());
            out.repeated(name.problem());
        });
    }

    private static Map<String, RawName> names(Reader in) throws IOException {
        Map<String, RawName> names = new LinkedHashMap<>();
        // id, name, two cell counts and a problem: at least 20 bytes a name
        for (int i = in.count(20); i > 0; i--) {
            String id = in.repeated();
            names.put(id, new RawName(in.repeated(), cells(in), cells(in), in.repeated()));
        }
        return names;
    }

    private static void cells(Writer out, List<RawCell> cells) {
        out.count(cells.size());
        for (RawCell cell : cells) {
            out.repeated(cell.ref());
            int type = cell.type() == null ? -1 : TYPES.indexOf(cell.type());
            out.count(type);
            if (type < 0) {
                out.repeated(cell.type());
            }
            out.string(cell.text());
            out.string(cell.number());
            out.repeated(cell.formula());
            out.flag(cell.dateFormat());
        }
    }

    private static List<RawCell> cells(Reader in) throws IOException {
        // ref, type, three strings and a flag: at least 24 bytes a cell
        int count = in.count(24);
        List<RawCell> cells = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String ref = in.repeated();
            int type = in.buffer.getInt();
            String kind = type == -1 ? in.repeated() : TYPES.get(type);
            cells.add(new RawCell(ref, kind, in.string(), in.string(), in.repeated(), in.flag()));
        }
        return cells;
    }

    /** A growing byte array: ByteArrayOutputStream locks for every byte, and a return is some 60,000 of them. */
    private static final class Writer {
        private final Repeats sent;
        private byte[] bytes = new byte[32 * 1024];
        private int size;

        Writer(Repeats sent) {
            this.sent = sent;
        }

        /** A string that may recur: by its number when sent before, else in full (and numbered, room allowing). */
        void repeated(String value) {
            Integer number = value == null ? null : sent.numbers.get(value);
            if (number != null) {
                count(REPEAT);
                count(number);
                return;
            }
            string(value);
            if (value != null && sent.admit(value)) {
                sent.numbers.put(value, sent.strings.size() - 1);
            }
        }

        void count(int value) {
            room(4);
            bytes[size++] = (byte) (value >>> 24);
            bytes[size++] = (byte) (value >>> 16);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        void flag(boolean value) {
            count(value ? 1 : 0);
        }

        /** UTF-8 under its length; UTF-16 under {@link #UTF_16} and its length; or {@link #NULL}. */
        void string(String value) {
            if (value == null) {
                count(NULL);
            } else if (loneSurrogate(value)) {
                // char by char: every charset encoder replaces a lone surrogate
                count(UTF_16);
                count(value.length());
                for (int i = 0; i < value.length(); i++) {
                    room(2);
                    bytes[size++] = (byte) (value.charAt(i) >>> 8);
                    bytes[size++] = (byte) value.charAt(i);
                }
            } else {
                bytes(value.getBytes(StandardCharsets.UTF_8));
            }
        }

        private static boolean loneSurrogate(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
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
        private final Repeats received;

        Reader(byte[] payload, Repeats received) {
            this.buffer = ByteBuffer.wrap(payload);
            this.received = received;
        }

        String repeated() throws IOException {
            buffer.mark();
            if (buffer.getInt() == REPEAT) {
                int number = buffer.getInt();
                if (number < 0 || number >= received.strings.size()) {
                    throw new IOException("读取结果引用了未曾收到的第 " + number + " 个字符串");
                }
                return received.strings.get(number);
            }
            buffer.reset();
            String value = string();
            if (value != null) {
                received.admit(value);
            }
            return value;
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
            buffer.mark();
            int marker = buffer.getInt();
            if (marker == NULL) {
                return null;
            }
            if (marker == UTF_16) {
                char[] chars = new char[count(2)];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = buffer.getChar();
                }
                return new String(chars);
            }
            buffer.reset();
            int length = count(1);
            String value = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return value;
        }

        boolean flag() throws IOException {
            int value = buffer.getInt();
            if (value != 0 && value != 1) {
                throw new IOException("读取结果中的标志 " + value + " 无效");
            }
            return value == 1;
        }

        byte[] bytes() throws IOException {
            byte[] value = new byte[count(1)];
            buffer.get(value);
            return value;
        }
    }

    /**
     * The recurring strings one worker has sent, numbered in the order first sent (a string's number is its place in
     * {@code strings}); the sending end also looks them up by value. Both admit a string by the same rule, so their
     * numbers agree, and the rule
     * bounds what a hostile file can make either end hold: a string's length, their count and their total length.
     * One worker's lifetime: a worker started again starts afresh at both ends.
     */
    static final class Repeats {
        static final int MOST_STRINGS = 16_384;
        static final int LONGEST = 2_048;
        static final int MOST_CHARS = 1 << 20;

        /** The sending end's index into {@code strings}. */
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> strings = new ArrayList<>();
        private int chars;

        /** Numbers {@code value} next, unless that would pass a bound; whether it did. */
        private boolean admit(String value) {
            if (strings.size() == MOST_STRINGS || value.length() > LONGEST || chars + value.length() > MOST_CHARS) {
                return false;
            }
            strings.add(value);
            chars += value.length();
            return true;
        }
    }
}
