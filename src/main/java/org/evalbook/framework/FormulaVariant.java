package org.evalbook.framework;

import java.util.Optional;

/**
 * One named way of computing a rate indicator (53号, Hunan …); a profile picks one.
 *
 * @param key     the name a profile uses ({@code mof53}, {@code hunan}); {@code standard} for the only formula
 * @param label   how the formula reads, in Chinese, for the workbook and the docs
 * @param name    the indicator's name under this formula when it differs (Hunan's 预算控制率)
 * @param formula the computation
 */
public record FormulaVariant(String key, String label, Optional<String> name, Formula formula) {
    public static final String STANDARD = "standard";
}
