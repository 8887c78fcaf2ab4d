package org.evalbook.framework;

import java.util.List;
import java.util.Optional;

/**
 * A 一级 level of the project form (产出指标 …) and the 二级 it allows.
 *
 * @param direction how every indicator of the level is scored, whatever its 指标性质 says (满意度 is 正向); empty when
 *                  its 指标性质 decides
 */
public record IndicatorLevel(String level, List<String> level2, Optional<OperatorKind> direction) {
    private static final String SUFFIX = "指标";

    public IndicatorLevel {
        level2 = List.copyOf(level2);
    }

    /** Whether {@code written} names one of this level's 二级, with or without its trailing 指标. */
    public boolean allows(String written) {
        String bare = strip(written.strip());
        return level2.stream().anyMatch(l -> strip(l).equals(bare));
    }

    /** Whether {@code written} names this level, with or without its trailing 指标 (产出 = 产出指标). */
    public boolean isCalled(String written) {
        return strip(level).equals(strip(written.strip()));
    }

    private static String strip(String name) {
        return name.endsWith(SUFFIX) && name.length() > SUFFIX.length() ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }
}
