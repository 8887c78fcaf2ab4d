package org.evalbook.report;

import org.evalbook.pipeline.CheckedReturn;

/**
 * Where the sheets that only write a return's details out (问题清单, 指标得分) get them: from the return itself when
 * the consolidation holds returns in full, or from the {@link ReturnSpill} the deadline job wrote them to.
 */
@FunctionalInterface
interface ReturnDetails {
    ReturnDetails IN_MEMORY = (kept, detail) -> kept;

    /** What a sheet reads back of a return, beyond what its kept copy holds. */
    enum Detail {
        /** Everything the check found: the findings, the working of each score, every figure and text. */
        EVERYTHING,
        /** Every figure the return gave (指标得分 shows the self-scores); the rest as the kept copy has it. */
        FIGURES,
        /** The findings in full (问题清单); the rest as the kept copy has it. */
        FINDINGS
    }

    /** The return with {@code detail} as the check found it, and the findings the consolidation added (M01) after. */
    CheckedReturn full(CheckedReturn kept, Detail detail);

    default CheckedReturn full(CheckedReturn kept) {
        return full(kept, Detail.EVERYTHING);
    }
}
