package org.evalbook.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class GrownHeapTest {
    @Test
    void aBatchKeepsTheHeapItHasGrownTo() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assumeTrue(hotSpot != null, "跳过：此 JVM 不是 HotSpot，没有 MaxHeapFreeRatio 可设");
        assertThat(GrownHeap.keep()).isTrue();
        assertThat(hotSpot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("100");
    }
}
