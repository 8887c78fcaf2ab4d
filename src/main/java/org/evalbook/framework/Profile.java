package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A scoring profile: which indicators apply, their weights and rules. Weights add up to 100. */
public record Profile(String id, String name, String description, List<ProfileEntry> entries) {
    public Profile {
        entries = List.copyOf(entries);
    }

    public Optional<ProfileEntry> entry(String indicatorId) {
        return entries.stream().filter(e -> e.indicator().id().equals(indicatorId)).findFirst();
    }

    public BigDecimal totalWeight() {
        return entries.stream().map(ProfileEntry::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Weights per 一级, in the order the entries first name them. */
    public Map<String, BigDecimal> weightsByLevel1() {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        entries.forEach(e -> sums.merge(e.indicator().level1(), e.weight(), BigDecimal::add));
        return sums;
    }

    /** Weights per 二级 within one 一级, in entry order. */
    public Map<String, BigDecimal> weightsByLevel2(String level1) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        entries.stream().filter(e -> e.indicator().level1().equals(level1))
                .forEach(e -> sums.merge(e.level2(), e.weight(), BigDecimal::add));
        return sums;
    }
}
