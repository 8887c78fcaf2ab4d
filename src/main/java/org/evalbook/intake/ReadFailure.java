package org.evalbook.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.evalbook.finding.FindingCode;

/**
 * Why POI could not open a file, in Chinese: a safety limit it hit (F08, naming the limit), Strict OOXML (F05), or
 * damage (F07). The exception's class and English text only decide which; neither ever reaches a user.
 *
 * @param reason what happened, without advice and without a final 。
 */
record ReadFailure(FindingCode code, String reason) {
    static ReadFailure of(Throwable failure, String kind) {
        String chain = describe(failure);
        if (chain.contains("more internal file entries") || chain.contains("max_file_count")) {
            return limit("压缩结构内的文件数超过读取上限 " + FileFormat.MAX_ZIP_ENTRIES + " 个");
        }
        if (chain.contains("zip bomb") && chain.contains("ratio")) {
            return limit("文件内容解压后是压缩大小的 100 倍以上，疑似 zip 炸弹，超出读取限制");
        }
        if (chain.contains("zip bomb")) {
            return limit("压缩结构内单个部件解压后超过 4 GB 的上限，疑似 zip 炸弹");
        }
        if (chain.contains("doctype") || chain.contains("entity")) {
            return limit("文件内含有 XML 文档类型定义或实体声明（DOCTYPE），可能是 XML 炸弹，出于安全不予读取");
        }
        if (chain.contains("maximum length") || chain.contains("max length") || chain.contains("bytearraymaxoverride")) {
            return limit("文件中有一段数据的长度超过读取上限（单条记录过大）");
        }
        if (chain.contains("strict ooxml")) {
            return new ReadFailure(FindingCode.F05, WorkbookReader.STRICT);
        }
        return new ReadFailure(FindingCode.F07, damage(chain, kind));
    }

    private static ReadFailure limit(String reason) {
        return new ReadFailure(FindingCode.F08, reason);
    }

    private static String damage(String chain, String kind) {
        if (chain.contains("duplicate")) {
            return "压缩结构中有重名的部件，文件已损坏";
        }
        if (kind.equals("xls")) {
            return "xls 文件的内部数据记录已损坏";
        }
        if (chain.contains("no core document") || chain.contains("notofficexmlfile") || chain.contains("invalidformat")) {
            return "文件的内部结构不完整，缺少工作簿的主体部分";
        }
        if (chain.contains("org.apache.xmlbeans.xmlexception") || chain.contains("saxparseexception")) {
            return "文件内的 XML 内容已损坏或不合规范";
        }
        return (kind.isEmpty() ? "文件" : kind + " 文件") + "的内部结构已损坏";
    }

    /** Every class name and message along the cause chain, lower-cased: only ever matched, never shown. */
    private static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 20; t = t.getCause() == t ? null : t.getCause()) {
            parts.add(t.getClass().getName() + ": " + t.getMessage());
        }
        return String.join("\n", parts).toLowerCase(Locale.ROOT);
    }
}
