package org.evalbook.framework;

/**
 * A loaded framework of either form: the 部门整体支出 workbook ({@link Framework}) or the project form, one sheet per
 * project ({@link ProjectFramework}). Which it is comes from {@code form:} in its framework.yaml.
 */
public sealed interface AnyFramework permits Framework, ProjectFramework {
    String id();

    String name();

    String version();
}
