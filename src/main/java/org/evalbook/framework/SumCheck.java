package org.evalbook.framework;

/**
 * An identity between fields from {@code checks.yaml}: {@code total = equals}, checked per period.
 *
 * @param code   the finding code it raises (C01 …)
 * @param total  the field holding the typed total
 * @param equals what the total must equal
 */
public record SumCheck(String code, String total, Expression equals) {
}
