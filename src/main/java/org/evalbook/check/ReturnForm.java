package org.evalbook.check;

/** Which form a return is: the 部门整体支出 workbook, or the project form (one sheet per project). */
public enum ReturnForm {
    DEPARTMENT, PROJECT
}
