package org.evalbook.report;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates through direct buffers, one inflater and pair of buffers per thread. An {@link Inflater} fed a byte array
 * holds the GC locker (a JNI critical section) while it works: with two sheet threads reading the spill back at once
 * beside the tail's allocations, G1 had to put collections off, then ran them back to back and grew the parent's heap
 * by half. With direct buffers the native code never touches the Java heap.
 */
final class DirectInflater {
    private static final ThreadLocal<DirectInflater> PER_THREAD = ThreadLocal.withInitial(DirectInflater::new);

    private final Inflater inflater = new Inflater();
    private ByteBuffer input = ByteBuffer.allocateDirect(16 * 1024);
    private final ByteBuffer output = ByteBuffer.allocateDirect(64 * 1024);

    private DirectInflater() {
    }

    /**
     * The {@code size} bytes that {@code deflated} (a zlib stream, as {@link java.util.zip.Deflater} makes) stands
     * for. The spill records the size, so the result is allocated once, and anything else is an error.
     */
    static byte[] inflate(byte[] deflated, int size) throws DataFormatException {
        return PER_THREAD.get().run(deflated, size);
    }

    private byte[] run(byte[] deflated, int size) throws DataFormatException {
        if (input.capacity() < deflated.length) {
            input = ByteBuffer.allocateDirect(Math.max(deflated.length, 2 * input.capacity()));
        }
        input.clear();
        input.put(deflated).flip();
        inflater.reset();
        inflater.setInput(input);
        byte[] inflated = new byte[size];
        int made = 0;
        while (!inflater.finished()) {
            output.clear();
            int more = inflater.inflate(output);
            if (more == 0 && !inflater.finished()) {
                // output has room: nothing made means the stream is cut short or wants a dictionary
                throw new DataFormatException("zlib stream cut short");
            }
            if (made + more > size) {
                throw new DataFormatException("more than the " + size + " bytes recorded");
            }
            output.flip().get(inflated, made, more);
            made += more;
        }
        if (made != size) {
            throw new DataFormatException(made + " bytes where " + size + " were recorded");
        }
        return inflated;
    }
}
