package org.evalbook.framework;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads and validates a framework; the one entry point of this stage. */
public final class Frameworks {
    /** The framework shipped with evalbook: 部门整体支出绩效评价. */
    public static final String DEFAULT_ID = "dept-overall";
    /** The project form shipped with evalbook: 项目支出绩效自评表. */
    public static final String PROJECT_ID = "project-self";
    private static final String PROJECT_FORM = "project";

    private Frameworks() {
    }

    /** The framework in {@code dir} (a copy of a {@code workbook-templates/<id>/} folder). */
    public static Framework load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FrameworkException(dir + "：找不到框架文件夹。请指向含有 framework.yaml 的文件夹。");
        }
        return load(FrameworkSource.directory(dir));
    }

    /** A framework bundled in the jar, by id. */
    public static Framework bundled(String id) {
        return load(bundledSource(id));
    }

    /** The framework in {@code dir}, of either form. */
    public static AnyFramework loadAny(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FrameworkException(dir + "：找不到框架文件夹。请指向含有 framework.yaml 的文件夹。");
        }
        return loadAny(FrameworkSource.directory(dir));
    }

    /** A framework of either form bundled in the jar, by id. */
    public static AnyFramework bundledAny(String id) {
        return loadAny(bundledSource(id));
    }

    private static FrameworkSource bundledSource(String id) {
        if (Frameworks.class.getResource("/frameworks/" + id + "/framework.yaml") == null) {
            throw new FrameworkException("没有名为 " + id + " 的内置框架。内置框架有：" + String.join("、", BUNDLED) + "。");
        }
        return FrameworkSource.bundled(id);
    }

    /** The frameworks shipped in the jar. */
    public static final java.util.List<String> BUNDLED = java.util.List.of(DEFAULT_ID, PROJECT_ID);

    static AnyFramework loadAny(FrameworkSource source) {
        YamlFiles files = new YamlFiles(source);
        RawFiles.Framework head = files.read("framework.yaml", RawFiles.Framework.class);
        return PROJECT_FORM.equals(head.form()) ? project(files, head) : load(files, head);
    }

    static Framework load(FrameworkSource source) {
        YamlFiles files = new YamlFiles(source);
        RawFiles.Framework head = files.read("framework.yaml", RawFiles.Framework.class);
        if (PROJECT_FORM.equals(head.form())) {
            throw new FrameworkException(source.describe() + "：framework.yaml：这是项目支出绩效自评框架（form: project）。"
                    + "此处需要部门整体支出绩效评价框架，请改用 " + DEFAULT_ID + "。");
        }
        return load(files, head);
    }

    private static ProjectFramework project(YamlFiles files, RawFiles.Framework head) {
        if (head.id() == null || head.name() == null || head.version() == null || head.periods() == null
                || head.grades() == null || head.profiles() == null) {
            Problems problems = new Problems();
            problems.add("framework.yaml", "框架", "缺少 id、name、version、periods、grades 或 profiles",
                    "请按 workbook-templates/" + PROJECT_ID + "/framework.yaml 补齐");
            problems.throwIfAny();
        }
        return new ProjectFrameworkBuilder(files, head).build();
    }

    private static Framework load(YamlFiles files, RawFiles.Framework head) {
        if (head.form() != null && !PROJECT_FORM.equals(head.form())) {
            Problems problems = new Problems();
            problems.add("framework.yaml", "form", "未知的表式 " + head.form(), "form 只能是 project（项目支出绩效自评表），或不写（部门整体支出绩效评价）");
            problems.throwIfAny();
        }
        Problems problems = new Problems();
        if (head.id() == null || head.name() == null || head.version() == null || head.periods() == null
                || head.grades() == null || head.profiles() == null) {
            problems.add("framework.yaml", "框架", "缺少 id、name、version、periods、grades 或 profiles",
                    "请按 workbook-templates/" + DEFAULT_ID + "/framework.yaml 补齐");
            problems.throwIfAny();
        }
        UniqueIds ids = new UniqueIds(problems);
        RawFiles.Fields rawFields = files.read(FieldsBuilder.FILE, RawFiles.Fields.class);
        FieldsBuilder fieldsBuilder = new FieldsBuilder(head.periods(), problems, ids);
        var fields = fieldsBuilder.scalars(rawFields);
        var sheets = new SheetsBuilder(problems).build(head.sheets(), rawFields);
        var tables = fieldsBuilder.tables(rawFields, sheets.sheetOfTable());
        WorkbookNeeds.check(fields, problems);

        RawFiles.Indicators rawIndicators = files.read(CatalogueBuilder.FILE, RawFiles.Indicators.class);
        CatalogueBuilder catalogue = new CatalogueBuilder(fields, tables, problems);
        var levels = catalogue.levels(rawIndicators);
        var indicators = catalogue.indicators(rawIndicators);
        FieldContract.derivedNames(indicators).forEach(name -> ids.claim(CatalogueBuilder.FILE, name));

        ChecksBuilder checks = new ChecksBuilder(fields, tables, head.periods(), problems);
        RawFiles.Checks rawChecks = files.read(ChecksBuilder.FILE, RawFiles.Checks.class);
        var sums = checks.sums(rawChecks);
        var parameters = checks.parameters(rawChecks);
        var roles = new RolesBuilder(fields, tables, head.periods(), problems).build(rawChecks);

        ProfileBuilder profileBuilder = new ProfileBuilder(indicators, problems);
        Map<String, Profile> profiles = new LinkedHashMap<>();
        for (String profileId : head.profiles()) {
            String file = "profiles/" + profileId + ".yaml";
            profileBuilder.build(file, profileId, files.read(file, RawFiles.Profile.class))
                    .ifPresent(p -> profiles.put(p.id(), p));
        }
        problems.throwIfAny();
        List<GradeBand> grades = new ArrayList<>();
        head.grades().forEach(g -> grades.add(new GradeBand(g.grade(), g.atLeast() == null ? BigDecimal.ZERO : g.atLeast())));
        return new Framework(head.id(), head.name(), head.version(), head.basis() == null ? "" : head.basis(),
                head.periods(), grades, fields, tables, indicators, levels, sums, parameters, profiles, checks.functionCodes(rawChecks),
                checks.narrative(rawChecks), roles, sheets.sheets());
    }
}
