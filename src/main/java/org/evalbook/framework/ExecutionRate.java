package org.evalbook.framework;

/**
 * The project's 预算执行率: {@code numerator / denominator}; its score is {@code min(w, w × rate)}.
 *
 * @param name        how the form and findings call it (预算执行率)
 * @param numerator   the field of 全年执行数 (pj_funds_total_exec)
 * @param denominator the field of 全年预算数 (pj_funds_total_full)
 */
public record ExecutionRate(String name, String numerator, String denominator) {
}
