package org.evalbook.framework;

import java.util.ArrayList;
import java.util.List;

/**
 * The field contract of a framework: every defined name of an issued workbook, derived from the framework
 * files alone (periods expanded, every per-indicator and computed name included).
 */
public final class FieldContract {
    private FieldContract() {
    }

    public static List<DefinedName> of(Framework framework) {
        List<DefinedName> names = new ArrayList<>();
        java.util.Map<String, String> display = displayNames(framework.indicators());
        framework.fields().stream().filter(f -> !isLate(f)).forEach(f -> names.add(scalar(f)));
        for (TableDef table : framework.tables()) {
            for (FieldDef column : table.columns()) {
                names.add(new DefinedName(column.id(), table.label() + "·" + column.label(), column.unit(), column.type(),
                        table.required() ? DefinedName.Requirement.AT_LEAST_ONE_ROW : DefinedName.Requirement.OPTIONAL, true));
            }
        }
        for (Indicator indicator : framework.indicators()) {
            names.addAll(inputs(indicator, display.get(indicator.id())));
        }
        framework.fields().stream().filter(FieldDef::isSelfAssessment).forEach(f -> names.add(scalar(f)));
        for (Indicator indicator : framework.indicators()) {
            if (indicator.kind() == IndicatorKind.RATE) {
                names.add(computed(indicator.rateName(), "指标计算值·" + display.get(indicator.id()), "%", FieldType.PERCENT));
            }
        }
        for (Indicator indicator : framework.indicators()) {
            names.add(computed(indicator.scoreName(), "规则得分·" + display.get(indicator.id()), "分", FieldType.NUMBER));
        }
        framework.fields().stream().filter(FieldDef::isComputed)
                .forEach(f -> names.add(computed(f.id(), f.label(), f.unit(), f.type())));
        framework.fields().stream().filter(FieldDef::isReport).forEach(f -> names.add(scalar(f)));
        return names;
    }

    /** The names derived from the catalogue, for the uniqueness check of the loader. */
    static List<String> derivedNames(List<Indicator> indicators) {
        List<String> names = new ArrayList<>();
        for (Indicator indicator : indicators) {
            inputs(indicator, indicator.name()).forEach(n -> names.add(n.id()));
            if (indicator.kind() == IndicatorKind.RATE) {
                names.add(indicator.rateName());
            }
            names.add(indicator.scoreName());
        }
        return names;
    }

    /**
     * An indicator's name as labels show it: the 三级 name, with its 二级 added where two indicators share a name
     * (管理制度健全性 of 预算管理 and of 资产管理).
     */
    public static java.util.Map<String, String> displayNames(List<Indicator> indicators) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        indicators.forEach(i -> counts.merge(i.name(), 1L, Long::sum));
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        indicators.forEach(i -> names.put(i.id(), counts.get(i.name()) > 1 ? i.name() + "（" + i.level2() + "）" : i.name()));
        return names;
    }

    private static List<DefinedName> inputs(Indicator indicator, String name) {
        List<DefinedName> names = new ArrayList<>();
        names.add(new DefinedName(indicator.selfName(), "自评得分·" + name, "分", FieldType.NUMBER,
                DefinedName.Requirement.WHEN_PROFILE_USES, false));
        if (indicator.kind() == IndicatorKind.JUDGEMENT) {
            names.add(new DefinedName(indicator.levelName(), "达成档次·" + name, "", FieldType.CHOICE,
                    DefinedName.Requirement.WHEN_PROFILE_USES, false));
        }
        names.add(new DefinedName(indicator.reasonName(), "扣分原因·" + name, "", FieldType.TEXT,
                DefinedName.Requirement.WHEN_BELOW_WEIGHT, false));
        for (int n = 1; n <= indicator.items().size(); n++) {
            names.add(new DefinedName(indicator.checkName(n), name + "·" + indicator.items().get(n - 1), "",
                    FieldType.CHOICE, DefinedName.Requirement.WHEN_PROFILE_USES, false));
        }
        return names;
    }

    private static boolean isLate(FieldDef field) {
        return !field.isBaseData();
    }

    private static DefinedName scalar(FieldDef field) {
        DefinedName.Requirement requirement = field.prefilled() ? DefinedName.Requirement.PREFILLED
                : field.required() ? DefinedName.Requirement.REQUIRED : DefinedName.Requirement.OPTIONAL;
        return new DefinedName(field.id(), field.label(), field.unit(), field.type(), requirement, false);
    }

    private static DefinedName computed(String id, String label, String unit, FieldType type) {
        return new DefinedName(id, label, unit, type, DefinedName.Requirement.COMPUTED, false);
    }
}
