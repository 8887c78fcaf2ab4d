package org.evalbook.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * An XML part of a written workbook with holes where each unit's values go: the constant text between the holes is
 * kept as it is, so stamping a unit costs the values, not a rewrite of the part.
 */
final class Stencil {
    /** The text from {@code start} to {@code end} of the part, replaced by what {@code key} stands for. */
    record Hole(int start, int end, String key) {
    }

    private final List<String> chunks = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final int length;

    Stencil(String xml, List<Hole> holes) {
        List<Hole> sorted = new ArrayList<>(holes);
        sorted.sort(Comparator.comparingInt(Hole::start));
        int at = 0;
        for (Hole hole : sorted) {
            if (hole.start() < at) {
                throw new IllegalStateException("overlapping holes at " + hole.start() + " for " + hole.key());
            }
            chunks.add(xml.substring(at, hole.start()));
            keys.add(hole.key());
            at = hole.end();
        }
        chunks.add(xml.substring(at));
        this.length = xml.length();
    }

    String fill(Function<String, String> values) {
        StringBuilder out = new StringBuilder(length + 256);
        for (int i = 0; i < keys.size(); i++) {
            out.append(chunks.get(i)).append(values.apply(keys.get(i)));
        }
        return out.append(chunks.get(keys.size())).toString();
    }

    /** Text as the workbook's XML writer escapes it in element content. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("]]>", "]]&gt;");
    }

    static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
