package org.evalbook.report;

import org.evalbook.pipeline.CheckedReturn;

/**
 * Where the sheets that only write a return's details out (问题清单, 指标得分) get them: from the return itself when
 * the consolidation holds returns in full, or from the {@link ReturnSpill} the deadline job wrote them to.
 */
@FunctionalInterface
interface ReturnDetails {
    ReturnDetails IN_MEMORY = kept -> kept;

    /** The return with everything the check found: its findings and the working of each score. */
    CheckedReturn full(CheckedReturn kept);
}
