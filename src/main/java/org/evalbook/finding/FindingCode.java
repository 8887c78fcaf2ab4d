package org.evalbook.finding;

/**
 * Every finding code evalbook can raise. Codes are stable: never renumber or reuse one. F codes are about the file
 * itself (reading it safely); C codes are the reconciliation rules of checks.md; M codes are about how a return arrived by
 * mail.
 */
public enum FindingCode {
    F01(Severity.ERROR, "不是 Excel 工作簿", "文件不是电子表格：纯文本、网页、改成工作簿扩展名的 PDF 或图片，或无法识别的格式。"),
    F02(Severity.ERROR, "Word 文档改了扩展名", "Word 文档（doc/docx）改成了电子表格的扩展名。"),
    F03(Severity.ERROR, "文件已加密", "工作簿设有打开密码，无法读取。"),
    F04(Severity.ERROR, "不支持的 xlsb 格式", "Excel 二进制工作簿（xlsb），evalbook 不读取这种格式。"),
    F05(Severity.ERROR, "不支持的 Strict OOXML 格式", "Strict Open XML 格式的工作簿，读取程序不支持这种格式。"),
    F06(Severity.ERROR, "过旧的 Excel 格式", "Excel 5.0/95 或更早版本的工作簿。"),
    F07(Severity.ERROR, "文件已损坏", "文件已损坏或不完整，无法打开。"),
    F08(Severity.ERROR, "文件超出读取限制", "读取时超出限制（文件大小、时间、内存，或异常的压缩文件），已停止读取。"),
    F09(Severity.INFO, "宏已忽略", "含宏的工作簿（xlsm，或带宏的 xls）：宏一律忽略，从不运行。"),
    F10(Severity.ERROR, "不是本次下发的填报表", "没有隐藏的身份信息表、没有定义名称，标签也几乎都对不上：不是 evalbook 下发的填报表。"),
    F11(Severity.WARNING, "按标签读取", "定义名称已丢失（数据粘贴到了新工作簿中），各字段按中文标签找到。"),
    F12(Severity.INFO, "表格下方另有数据行", "表格的定义名称区域下方紧接着另填了数据行，已作为表格的一部分读取。"),
    F13(Severity.WARNING, "定义名称已损坏", "定义名称指向无效位置（#REF!）或已删除的工作表，该字段按空白读取。"),
    F14(Severity.ERROR, "无法读取", "因其他原因未能读取文件，提示中说明原因。"),
    F15(Severity.INFO, "附件（未作为填报表读取）", "随填报表交来的 PDF、Word 文档、图片或压缩包（按内容判断，扩展名也表明是附件）：只列出，不作为填报表读取。"),
    F16(Severity.ERROR, "其他表格格式", "evalbook 不读取的电子表格格式：OpenDocument（ods）、Excel 2003 XML、另存为 .xls 的网页（HTML/MHT）、CSV/TSV 文本。"),
    F17(Severity.WARNING, "文件名含控制字符", "文件名含控制字符，或含系统编码中无效的字节；显示时已转义，照常读取。"),
    F18(Severity.ERROR, "文件无法打开", "不是能打开的文件：文件不存在、链接失效、特殊文件（管道、设备）、文件夹，或没有读取权限。"),
    C01(Severity.ERROR, "收入合计不等于各项收入之和", "本年收入合计 = 各项收入之和（差额在尾差以内为警告）。"),
    C02(Severity.ERROR, "支出合计不等于基本支出加项目支出", "本年支出合计 = 基本支出 + 项目支出，各期数分别核对。"),
    C03(Severity.ERROR, "基本支出不等于人员经费加公用经费", "基本支出 = 人员经费 + 公用经费，各期数分别核对。"),
    C04(Severity.ERROR, "功能科目合计与支出合计不符", "功能科目决算数之和 = 本年支出合计决算数，预算数之和 = 年初预算数。"),
    C05(Severity.ERROR, "项目明细合计与项目支出不符", "项目明细执行数之和 = 项目支出决算数，预算数之和 = 项目支出年初预算数。"),
    C06(Severity.ERROR, "“三公”经费合计不符", "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；公务用车购置及运行费 = 购置费 + 运行费。"),
    C07(Severity.ERROR, "收支不平衡", "年初结转和结余 + 本年收入合计 − 本年支出合计决算数 = 年末结转和结余。"),
    C08(Severity.ERROR, "调整后预算不符", "调整后预算数 = 年初预算数 + 本年追加预算 − 本年追减预算。"),
    C09(Severity.WARNING, "实际在职人数超过编制数", "实际在职人数不应超过编制数。"),
    C10(Severity.WARNING, "预算执行率偏离", "本年支出合计、基本支出、项目支出的决算数 ÷ 调整后预算数（没有调整后预算数时 ÷ 年初预算数）不在 90 %–100 % 之间。"),
    C11(Severity.ERROR, "必填项为空", "必填项为空（空白从不当作 0）。"),
    C12(Severity.ERROR, "疑似以元填报", "金额疑似以元而非万元填写（为其预算数或上年数的 100 倍以上，或大于其所属合计）。"),
    C13(Severity.WARNING, "数字以文本形式填写", "数字以文本形式填写；已按数字宽松读取，并保留原文。"),
    C14(Severity.ERROR, "自评得分有误", "自评得分超过分值、与重新计算的得分不同，或合计、等级与得分不符。"),
    C15(Severity.WARNING, "扣分未说明原因", "自评得分低于分值，但扣分原因为空。"),
    C16(Severity.ERROR, "评分规则误用", "定量指标的指标值未达到目标，却自评满分。"),
    C17(Severity.ERROR, "报告文字与表格数据不符", "自评报告中写明的某个字段的金额与表内数据不同。"),
    C18(Severity.ERROR, "公式被改动", "计算单元格的公式被数字替换、被改变了含义，或无法读取。"),
    C19(Severity.ERROR, "身份信息不符", "身份信息有误：隐藏的身份信息表缺失或签名无效、用演示密钥签名、表面信息与签名的身份信息不符、与名册不符，或框架版本过旧。"),
    C20(Severity.WARNING, "科目编码或名称有误", "科目编码不是 7 位数字，或科目名称与该年度该编码的名称不符。"),
    C21(Severity.WARNING, "百分比填写不规范", "百分比写法不规范（95、0.95、“95%” 已统一）；或比率不在 0 %–200 % 之间。"),
    C22(Severity.ERROR, "定性指标得分与档次不符", "定性指标的自评得分不在其所选档次的分数区间内。"),
    C23(Severity.WARNING, "指标无法计算", "指标无法计算：某项输入为空，或分母为 0；提示中说明是哪些字段、规则给出了什么结果。"),
    C24(Severity.ERROR, "选项填写不规范", "选项（是/否、档次、等级）不是规定的选项之一，按空白读取（常见同义写法如“优秀”读作“优”，为提示）。"),
    C25(Severity.WARNING, "同一单位交回多份", "同一次审核中，同一单位同一年度交回两份或以上；每份都列出其他各份（内容相同的会注明）。"),
    C26(Severity.INFO, "未重新计算", "计算单元格的公式完好，但文件中没有保存计算结果，或保存的结果与按规则复核的不同：文件保存前没有重新计算。"
            + "openpyxl 等 Python 脚本、部分格式转换程序保存时不计算公式；Excel、WPS、LibreOffice 打开下发的填报表时会重新计算。以复核结果为准，无需处理。"),
    C27(Severity.ERROR, "项目资金合计不符", "项目支出绩效自评表：年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金，年初预算数、全年预算数、全年执行数各列分别核对（差额在尾差以内为警告）。"),
    C28(Severity.ERROR, "一级指标分值合计不符", "项目支出绩效自评表：每个一级指标下各三级指标的分值之和，应等于评分方案给该一级指标的分值（默认产出 50、效益 30、满意度 10）。"),
    C29(Severity.WARNING, "指标值设定明显偏低", "项目支出绩效自评表：正向（≥）指标的实际完成值超过年度指标值的 120%，年度指标值可能定得过低。"),
    M01(Severity.WARNING, "发件人不是名册邮箱", "收件记录显示，采用的填报表发自名册中该单位邮箱以外的地址。");

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

    /** What the code means, in Chinese, for the documentation (docs/findings.md) and the command line. */
    public String meaning() {
        return meaning;
    }
}
