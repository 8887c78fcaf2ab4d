package org.evalbook.framework;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of sheet evalbook knows how to write, as {@code framework.yaml} names them. A kind with a fixed name is
 * found by that name when a return is read back (and its title says it), so only table sheets may be named freely.
 */
public enum SheetKind {
    INSTRUCTIONS("instructions", Optional.of("填报说明")),
    BASE_DATA("base_data", Optional.of("基础数据表")),
    TABLE("table", Optional.empty()),
    INDICATORS("indicators", Optional.of("绩效指标表")),
    WORKPAPER("workpaper", Optional.of("工作底稿")),
    REPORT("report", Optional.of("自评报告"));

    private final String key;
    private final Optional<String> fixedName;

    SheetKind(String key, Optional<String> fixedName) {
        this.key = key;
        this.fixedName = fixedName;
    }

    /** How framework.yaml writes it. */
    public String key() {
        return key;
    }

    /** The name a sheet of this kind must have; empty for a table sheet. */
    public Optional<String> fixedName() {
        return fixedName;
    }

    static Optional<SheetKind> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
