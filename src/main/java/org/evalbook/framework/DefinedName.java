package org.evalbook.framework;

/**
 * One defined name of an issued workbook, as the field contract lists it.
 *
 * @param id          the workbook-scoped defined name
 * @param label       the Chinese label beside the cell
 * @param unit        万元, 人, % …; empty when none
 * @param type        what the cell holds
 * @param requirement whether the unit must fill it
 * @param column      a column range of a table rather than a single cell
 */
public record DefinedName(String id, String label, String unit, FieldType type, Requirement requirement,
                          boolean column) {

    /** Whether and when a name must be filled. */
    public enum Requirement {
        REQUIRED("必填"),
        OPTIONAL("选填"),
        AT_LEAST_ONE_ROW("至少填一行"),
        WHEN_PROFILE_USES("方案使用该指标时必填"),
        WHEN_BELOW_WEIGHT("自评得分低于分值时必填"),
        PREFILLED("预填（锁定）"),
        COMPUTED("公式计算（锁定）");

        private final String label;

        Requirement(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
