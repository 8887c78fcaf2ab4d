package org.evalbook.finding;

/** The documentation of every finding code, generated from {@link FindingCode} ({@code docs/findings.md}). */
public final class FindingCodes {
    private FindingCodes() {
    }

    public static String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("# 审核意见编号\n\n");
        text.append("由 `./evalbook findings` 生成，与程序所用的编号一致。\n");
        text.append("编号固定不变：既不重新编号，也不挪作他用。F 类编号针对文件本身，C 类编号是对表内数据、公式、报告文字和身份信息的核对规则，\n");
        text.append("M 类编号针对以邮件交回的情况。表中的级别是通常的级别，以下情况另定：C01–C08 的差额在尾差以内时为警告；\n");
        text.append("C13 的文本根本不是数字时为错误；C14 的重新计算本身缺少数据时为警告；C17 在报告某一节超出单元格的容量、\n");
        text.append("只比较了前 32,767 个字符时为提示；C19 在框架版本过旧或没有本局密钥可用于验证签名时为警告；C20 对未知编码为提示。\n\n");
        text.append("| 编号 | 级别 | 标题 | 含义 |\n|---|---|---|---|\n");
        for (FindingCode code : FindingCode.values()) {
            text.append("| ").append(code.name()).append(" | ").append(code.severity().label())
                    .append(" | ").append(code.title()).append(" | ").append(code.meaning().replace("|", "\\|")).append(" |\n");
        }
        return text.toString();
    }
}
