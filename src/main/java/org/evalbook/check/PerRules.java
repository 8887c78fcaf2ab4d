package org.evalbook.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What is derived from a loaded framework (and one of its profiles) alone — labels, issued formulas, word lists —
 * built once per loaded object instead of once per return: at ten thousand returns that work, and compiling it, was
 * most of the parent's checking time.
 *
 * <p>Keyed by identity, not equality: a framework edited and loaded again (as tests do) is another object and gets its
 * own values, never another's; and hashing a whole framework per return would cost what is saved. Bounded: a process
 * that loads many frameworks (the test suite) drops the lot now and then, which only costs building them again.
 */
final class PerRules<V> {
    private static final int MAX = 64;

    private final Map<Key, V> values = new ConcurrentHashMap<>();

    /** The value for {@code framework} and {@code profile} (null for one of the framework alone), built on first use. */
    V get(Object framework, Object profile, Supplier<V> build) {
        if (values.size() >= MAX) {
            values.clear();
        }
        return values.computeIfAbsent(new Key(framework, profile), key -> build.get());
    }

    private record Key(Object framework, Object profile) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.framework == framework && key.profile == profile;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(framework) + System.identityHashCode(profile);
        }
    }
}
