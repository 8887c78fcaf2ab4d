package org.evalbook.finding;

/**
 * Every finding code evalbook can raise. Codes are stable: never renumber or reuse one. F codes are about the file
 * itself (reading it safely); C codes are the reconciliation rules of checks.md; M codes are about how a return arrived by
 * mail.
 */
public enum FindingCode {
    F01(Severity.ERROR, "不是 Excel 工作簿", "The file is not a spreadsheet (plain text, a web page, a PDF or image named as a workbook, an unknown format)."),
    F02(Severity.ERROR, "Word 文档改了扩展名", "A Word document (doc/docx) renamed to a spreadsheet extension."),
    F03(Severity.ERROR, "文件已加密", "The workbook is password-protected for opening; it cannot be read."),
    F04(Severity.ERROR, "不支持的 xlsb 格式", "An Excel binary workbook (xlsb), which evalbook does not read."),
    F05(Severity.ERROR, "不支持的 Strict OOXML 格式", "A Strict Open XML workbook, which the reader does not support."),
    F06(Severity.ERROR, "过旧的 Excel 格式", "An Excel 5.0/95 or older workbook."),
    F07(Severity.ERROR, "文件已损坏", "A damaged or truncated file that the reader cannot open."),
    F08(Severity.ERROR, "文件超出读取限制", "Reading the file hit a limit (size, time, memory, zip bomb) and was stopped."),
    F09(Severity.INFO, "宏已忽略", "A macro-enabled workbook (xlsm/xls with macros): the macros are ignored, never run."),
    F10(Severity.ERROR, "不是本次下发的填报表", "No meta sheet, no defined names and almost none of the labels: not an evalbook workbook."),
    F11(Severity.WARNING, "按标签读取", "The defined names are gone (data pasted into a fresh workbook); fields were found by their Chinese labels."),
    F12(Severity.INFO, "表格下方另有数据行", "Rows typed just below a table's named range; they were read as part of the table."),
    F13(Severity.WARNING, "定义名称已损坏", "A defined name points nowhere (#REF!) or to a deleted sheet; the field was read as blank."),
    F14(Severity.ERROR, "无法读取", "The reader failed on the file for another reason; the message says which."),
    F15(Severity.INFO, "附件（未作为填报表读取）", "A PDF, Word document, image or archive sent beside the returns (judged by content, meant as one by its extension); listed, not read."),
    F16(Severity.ERROR, "其他表格格式", "A spreadsheet in a format evalbook does not read: OpenDocument (ods), Excel 2003 XML, HTML/MHT saved as .xls, CSV/TSV text."),
    F17(Severity.WARNING, "文件名含控制字符", "The file's name holds control characters or bytes invalid in the system's encoding; it is shown escaped and read as usual."),
    F18(Severity.ERROR, "文件无法打开", "Not a file that can be opened: missing, a dangling link, a special file (FIFO, device), a folder or file without read permission."),
    C01(Severity.ERROR, "收入合计不等于各项收入之和", "inc_total = Σ inc_fiscal … inc_other (tolerance: 尾差)."),
    C02(Severity.ERROR, "支出合计不等于基本支出加项目支出", "exp_total = exp_basic + exp_project, each period."),
    C03(Severity.ERROR, "基本支出不等于人员经费加公用经费", "exp_basic = exp_personnel + exp_public, each period."),
    C04(Severity.ERROR, "功能科目合计与支出合计不符", "Σ func_final = exp_total_final; Σ func_budget = exp_total_budget."),
    C05(Severity.ERROR, "项目明细合计与项目支出不符", "Σ proj_final = exp_project_final; Σ proj_budget = exp_project_budget."),
    C06(Severity.ERROR, "“三公”经费合计不符", "sangong_total = abroad + vehicle + reception; vehicle = purchase + operation."),
    C07(Severity.ERROR, "收支不平衡", "carry_begin + inc_total − exp_total_final = carry_end."),
    C08(Severity.ERROR, "调整后预算不符", "exp_total_adjusted = exp_total_budget + budget_addition − budget_reduction."),
    C09(Severity.WARNING, "实际在职人数超过编制数", "staff_actual ≤ staff_authorized."),
    C10(Severity.WARNING, "预算执行率偏离", "final / adjusted (or / budget) of exp_total, exp_basic, exp_project outside 90 %–100 %."),
    C11(Severity.ERROR, "必填项为空", "A required field is blank (a blank is never zero)."),
    C12(Severity.ERROR, "疑似以元填报", "An amount looks typed in 元, not 万元 (≥ 100 × its budget or last year, or larger than the whole)."),
    C13(Severity.WARNING, "数字以文本形式填写", "A number typed as text; it was read leniently and the original text kept."),
    C14(Severity.ERROR, "自评得分有误", "Self-score above the weight, different from the recomputed score, totals or grade not matching."),
    C15(Severity.WARNING, "扣分未说明原因", "A self-score below the weight with an empty 扣分原因."),
    C16(Severity.ERROR, "评分规则误用", "A quantitative indicator given full marks although its metric misses the target."),
    C17(Severity.ERROR, "报告文字与表格数据不符", "An amount stated in the report for a field differs from the table."),
    C18(Severity.ERROR, "公式被改动", "A computed cell's formula replaced by a number, or changed in meaning; a stale cached value."),
    C19(Severity.ERROR, "身份信息不符", "Meta missing or signature invalid, demo-key signed, visible identity ≠ signed meta, ≠ roster, old framework."),
    C20(Severity.WARNING, "科目编码或名称有误", "科目编码 not 7 digits, or 科目名称 not the name of the code for that year."),
    C21(Severity.WARNING, "百分比填写不规范", "95 vs 0.95 vs \"95%\" normalised; a rate outside 0 %–200 %."),
    C22(Severity.ERROR, "定性指标得分与档次不符", "A judgement indicator's self-score outside the band of its declared level."),
    C23(Severity.WARNING, "指标无法计算", "An indicator cannot be computed: an input is blank, or x/0; says which fields and what the rule gave."),
    C24(Severity.ERROR, "选项填写不规范", "A choice (是/否, a level, a grade) is not one of its options; read as blank (a common synonym such as 优秀 is read as 优, info)."),
    C25(Severity.WARNING, "同一单位交回多份", "Two or more returns of the same unit and year in one run; each names the others (identical copies say so)."),
    M01(Severity.WARNING, "发件人不是名册邮箱", "The receipt log of mail collection says the adopted return came from an address other than the roster's 邮箱 of the unit it names.");

    private final Severity severity;
    private final String title;
    private final String meaning;

    FindingCode(Severity severity, String title, String meaning) {
        this.severity = severity;
        this.title = title;
        this.meaning = meaning;
    }

    /** The usual severity; a rule may raise some codes at another (尾差 C01–C08 are warnings). */
    public Severity severity() {
        return severity;
    }

    /** The Chinese title a reviewer reads. */
    public String title() {
        return title;
    }

    /** What the code means, in English, for the documentation. */
    public String meaning() {
        return meaning;
    }
}
