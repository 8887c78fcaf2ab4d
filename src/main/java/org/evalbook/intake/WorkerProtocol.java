package org.evalbook.intake;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The frames the parent and a reader worker exchange over the worker's stdin and stdout: a one-byte kind, then
 * length-prefixed UTF-8 text or bytes. No file name or path is ever sent as a line of text, so no name can split a
 * request, and nothing depends on the platform's default encoding.
 *
 * <p>Parent → worker: {@link #START} (framework, temp folder, project framework), then per file {@link #READ} (extension, bytes), and
 * optionally {@link #COPY} (the annotation as JSON). Worker → parent: {@link #READY} once, {@link #RESULT} (a
 * {@link RawReturn}, see {@link ReturnCodec}) per file, {@link #COPIED} (the annotated workbook's bytes) or {@link #FAILED} (a Chinese
 * reason) per copy.
 */
final class WorkerProtocol {
    static final byte START = 'S';
    static final byte READY = 'Y';
    static final byte READ = 'R';
    /** A return read ({@link ReturnCodec}); 'J' since it was JSON, kept so that nothing else changes. */
    static final byte RESULT = 'J';
    static final byte COPY = 'C';
    static final byte COPIED = 'B';
    static final byte FAILED = 'E';
    /** Larger frames are refused: files over the size cap are never sent, and a copy is at most a few times larger. */
    static final int MAX_FRAME = 512 * 1024 * 1024;

    /** One frame: its kind and payload. */
    record Frame(byte kind, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private WorkerProtocol() {
    }

    static void write(DataOutputStream out, byte kind, byte[] payload) throws IOException {
        out.writeByte(kind);
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    static void write(DataOutputStream out, byte kind, String text) throws IOException {
        write(out, kind, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next frame, or null at the end of the stream. */
    static Frame read(DataInputStream in) throws IOException {
        int kind = in.read();
        if (kind < 0) {
            return null;
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("frame of " + length + " bytes");
        }
        byte[] payload = new byte[length];
        try {
            in.readFully(payload);
        } catch (EOFException cut) {
            return null;
        }
        return new Frame((byte) kind, payload);
    }
}
