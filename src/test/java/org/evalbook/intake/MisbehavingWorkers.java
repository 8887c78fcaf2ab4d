package org.evalbook.intake;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Worker processes that do what a hostile file can make a real one do: hang, die, or eat all memory — and one that
 * is merely slow to start, to show that a file's time limit counts from when its worker has it.
 */
final class MisbehavingWorkers {
    private MisbehavingWorkers() {
    }

    /** Starts like a real worker, takes the first file, and returns once it has it. */
    private static void takeAFile() throws Exception {
        DataInputStream in = new DataInputStream(System.in);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        WorkerProtocol.read(in);
        WorkerProtocol.write(out, WorkerProtocol.READY, new byte[0]);
        WorkerProtocol.read(in);
    }

    /** Reads a request, then never answers. */
    static final class Hangs {
        public static void main(String[] args) throws Exception {
            takeAFile();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Reads a request, then exits as a crashed JVM would. */
    static final class Dies {
        public static void main(String[] args) throws Exception {
            takeAFile();
            Runtime.getRuntime().halt(134);
        }
    }

    /** Reads a request, then allocates until the heap limit stops it. */
    static final class EatsMemory {
        public static void main(String[] args) throws Exception {
            takeAFile();
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1_000_000]);
            }
        }
    }

    /** Takes twelve seconds to start (a busy machine), then works as the real worker does. */
    static final class SlowToStart {
        public static void main(String[] args) throws Exception {
            Thread.sleep(12_000);
            ReaderWorker.main(args);
        }
    }
}
