package org.evalbook.framework;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a framework, so one run names every problem, then refuses it. */
final class Problems {
    private final List<String> lines = new ArrayList<>();

    /** Records {@code <file>：<entry>：<problem>。<fix>。}. */
    void add(String file, String entry, String problem, String fix) {
        lines.add(file + "：" + entry + "：" + problem + "。" + fix + "。");
    }

    int size() {
        return lines.size();
    }

    void throwIfAny() {
        if (!lines.isEmpty()) {
            throw new FrameworkException(String.join("\n", lines));
        }
    }
}
