package org.evalbook.framework;

import java.util.List;

/**
 * A 指标性质 the unit may write, and how an indicator so marked is scored.
 *
 * @param symbol what the issued form offers (≥, 定性 …)
 * @param also   other spellings read as the same (>=, ＞＝ …)
 */
public record Operator(String symbol, OperatorKind kind, List<String> also) {
    public Operator {
        also = List.copyOf(also);
    }

    boolean matches(String written) {
        return symbol.equals(written) || also.contains(written);
    }
}
