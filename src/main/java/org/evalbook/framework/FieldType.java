package org.evalbook.framework;

/** What a field holds; decides how it is validated, read back and shown. */
public enum FieldType {
    TEXT("文本", ""),
    LONGTEXT("长文本", ""),
    INTEGER("整数", ""),
    NUMBER("数值", ""),
    AMOUNT("金额", "万元"),
    PERCENT("百分比", "%"),
    DATE("日期", ""),
    CHOICE("选项", "");

    private final String label;
    private final String defaultUnit;

    FieldType(String label, String defaultUnit) {
        this.label = label;
        this.defaultUnit = defaultUnit;
    }

    public String label() {
        return label;
    }

    String defaultUnit() {
        return defaultUnit;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == NUMBER || this == AMOUNT || this == PERCENT;
    }
}
