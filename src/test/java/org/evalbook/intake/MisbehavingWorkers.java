package org.evalbook.intake;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Worker processes that do what a hostile file can make a real one do: hang, die, or eat all memory. */
final class MisbehavingWorkers {
    private MisbehavingWorkers() {
    }

    /** Reads a request, then never answers. */
    static final class Hangs {
        public static void main(String[] args) throws Exception {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Reads a request, then exits as a crashed JVM would. */
    static final class Dies {
        public static void main(String[] args) throws Exception {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            Runtime.getRuntime().halt(134);
        }
    }

    /** Reads a request, then allocates until the heap limit stops it. */
    static final class EatsMemory {
        public static void main(String[] args) throws Exception {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1_000_000]);
            }
        }
    }
}
