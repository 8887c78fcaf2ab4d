package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bureau's weights for the project form: the 执行率 weight and each 一级 level's, adding up to 100.
 *
 * @param levels weight by 一级 level name, in the framework's level order
 */
public record ProjectProfile(String id, String name, String description, BigDecimal execution, Map<String, BigDecimal> levels) {
    public ProjectProfile {
        levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    public BigDecimal levelWeight(String level) {
        return levels.getOrDefault(level, BigDecimal.ZERO);
    }
}
