package org.evalbook.framework;

import java.util.List;
import java.util.Optional;

/**
 * The fields evalbook's own code names in every framework — the unit's identity, which the roster, the signature and
 * the identity checks are built around, and the totals of the self-assessment — so that an edited framework missing
 * one is refused at load with the fix, rather than failing later on every workbook or every return. Everything else
 * the code looks at is declared in the framework files (sheets in framework.yaml, field roles in checks.yaml).
 */
final class WorkbookNeeds {
    private static final String FILE = FieldsBuilder.FILE;
    private static final String SHIPPED = "workbook-templates/" + Frameworks.DEFAULT_ID + "/fields.yaml";

    /** A field the code reads or writes by id, the section of fields.yaml it must be in (empty: any group), and who. */
    private record Need(String id, Optional<FieldsBuilder.Section> section, String usedBy) {
    }

    private static final List<Need> FIELDS = List.of(
            need("unit_code", "名册、签名和身份核对"), need("unit_name", "名册、签名和身份核对"),
            need("parent_dept", "名册"), need("fiscal_year", "名册、签名和身份核对"),
            need("contact_name", "名册预填的联系人"), need("contact_phone", "填报表的单位信息"),
            need("fill_date", "工作底稿的填报日期"),
            new Need("self_total", Optional.of(FieldsBuilder.Section.SELF), "绩效指标表的自评总分和核对 C14"),
            new Need("self_grade", Optional.of(FieldsBuilder.Section.SELF), "绩效指标表的自评等级和核对 C14"),
            new Need("score_total", Optional.of(FieldsBuilder.Section.COMPUTED), "绩效指标表的规则总分和核对 C18"),
            new Need("grade", Optional.of(FieldsBuilder.Section.COMPUTED), "绩效指标表的规则等级和核对 C18"));

    private WorkbookNeeds() {
    }

    private static Need need(String id, String usedBy) {
        return new Need(id, Optional.empty(), usedBy);
    }

    static void check(List<FieldDef> fields, Problems problems) {
        for (Need need : FIELDS) {
            Optional<FieldDef> field = fields.stream().filter(f -> f.id().equals(need.id())).findFirst();
            if (field.isEmpty()) {
                problems.add(FILE, "字段 " + need.id(), "缺少该字段（" + need.usedBy() + "用到它）",
                        "请按 " + SHIPPED + " 补回该字段；字段代码是公开的约定，不能删除或改名");
            } else if (need.section().isPresent() && !field.get().group().equals(need.section().get().group())) {
                problems.add(FILE, "字段 " + need.id(), "应写在 " + need.section().get().key() + " 下",
                        "请把它移到 " + need.section().get().key() + " 下，与 " + SHIPPED + " 一致");
            }
        }
    }
}
