package org.evalbook.report;

import java.io.IOException;
import java.io.Writer;

/**
 * A buffered writer without {@link java.io.BufferedWriter}'s lock and open check on every call. POI's streaming sheet
 * writer puts out a cell as a dozen small writes and an escaped text one character at a time: at ten thousand units,
 * some 76 MB of sheet XML, the lock and the check were a fifth of the workbook's writing. One thread writes each sheet.
 */
final class UnsynchronizedWriter extends Writer {
    private final Writer out;
    private final char[] buffer = new char[64 * 1024];
    private int count;

    UnsynchronizedWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = (char) c;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (length > buffer.length - count) {
            drain();
            if (length > buffer.length) {
                out.write(chars, offset, length);
                return;
            }
        }
        System.arraycopy(chars, offset, buffer, count, length);
        count += length;
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (length > buffer.length - count) {
            drain();
            if (length > buffer.length) {
                out.write(text, offset, length);
                return;
            }
        }
        text.getChars(offset, offset + length, buffer, count);
        count += length;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }
}
