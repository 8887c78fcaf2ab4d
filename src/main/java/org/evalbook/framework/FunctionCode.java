package org.evalbook.framework;

import java.util.Map;
import java.util.TreeMap;

/**
 * A 支出功能分类 (项级) code and its names, which may change with a year's classification.
 *
 * @param name       the 项 name under the current classification
 * @param className  the 款 it belongs to (may be empty)
 * @param nameUntil  earlier names: year → the name used up to and including that year
 * @param classUntil earlier 款 names, likewise
 */
public record FunctionCode(String code, String name, String className, Map<Integer, String> nameUntil,
                           Map<Integer, String> classUntil) {
    public FunctionCode {
        nameUntil = java.util.Collections.unmodifiableMap(new TreeMap<>(nameUntil));
        classUntil = java.util.Collections.unmodifiableMap(new TreeMap<>(classUntil));
    }

    /** The 项 name in force in {@code year}. */
    public String nameIn(int year) {
        return nameUntil.entrySet().stream().filter(e -> year <= e.getKey()).map(Map.Entry::getValue).findFirst().orElse(name);
    }

    /** The 款 name in force in {@code year}. */
    public String classIn(int year) {
        return classUntil.entrySet().stream().filter(e -> year <= e.getKey()).map(Map.Entry::getValue).findFirst().orElse(className);
    }
}
