package org.evalbook.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.framework.Decimals;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.signing.IssueSignature;
import org.evalbook.signing.SigningKey;

/**
 * C19: the meta sheet and its signature, the visible unit code, name and year against the signed values and the
 * roster, and the framework version. A forged or mismatched return is an error, but its data is still checked.
 */
final class IdentityChecks {
    private static final List<String> VISIBLE = List.of("unit_code", "unit_name", "fiscal_year");

    private IdentityChecks() {
    }

    /** What the identity checks need of a return, of either form. */
    interface Subject {
        org.evalbook.intake.ReadReturn read();

        String frameworkId();

        String frameworkVersion();

        /** The return was issued under other scoring rules than today's (the profile was edited since). */
        boolean rulesChanged();

        String profileId();

        String label(String id);

        Optional<String> text(String id);

        Optional<java.math.BigDecimal> number(String id);

        Finding finding(FindingCode code, Severity severity, List<String> ids, String expected, String actual, String message);
    }

    static List<Finding> run(Checked c, Identity identity) {
        return run(new Subject() {
            @Override
            public org.evalbook.intake.ReadReturn read() {
                return c.read;
            }

            @Override
            public String frameworkId() {
                return c.framework.id();
            }

            @Override
            public String frameworkVersion() {
                return c.framework.version();
            }

            @Override
            public boolean rulesChanged() {
                return c.rulesChanged;
            }

            @Override
            public String profileId() {
                return c.profile.id();
            }

            @Override
            public String label(String id) {
                return c.label(id);
            }

            @Override
            public Optional<String> text(String id) {
                return c.text(id);
            }

            @Override
            public Optional<java.math.BigDecimal> number(String id) {
                return c.number(id);
            }

            @Override
            public Finding finding(FindingCode code, Severity severity, List<String> ids, String expected, String actual, String message) {
                return c.finding(code, severity, ids, expected, actual, message);
            }
        }, identity);
    }

    static List<Finding> run(Subject c, Identity identity) {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> meta = c.read().raw().meta();
        String file = c.read().file();
        if (meta.isEmpty() || !meta.containsKey("signature")) {
            findings.add(Finding.aboutFile(FindingCode.C19, file, meta.isEmpty()
                    ? "文件中没有下发标识（meta 工作表），无法确认是本局下发给该单位的填报表。请使用下发的填报表填写后交回。"
                    : "这是未签发的空白样表，不是下发给单位的填报表。请使用下发的填报表填写后交回。"));
        } else {
            signature(meta, identity, file).ifPresent(findings::add);
            for (String name : VISIBLE) {
                String visible = visible(c, name);
                String signed = meta.getOrDefault(name, "");
                if (!visible.equals(signed)) {
                    findings.add(c.finding(FindingCode.C19, Severity.ERROR, List.of(name), signed, visible, c.label(name) + "“" + visible
                            + "”与下发时的“" + signed + "”不一致。预填的单位信息不能修改；如确有变动请联系财政局。"));
                }
            }
            version(c, meta, file).ifPresent(findings::add);
            if (c.rulesChanged()) {
                findings.add(new Finding(FindingCode.C19, Severity.WARNING, file, "", List.of(), "rules", "", meta.get("rules"),
                        "此填报表下发时的评分规则（方案 " + c.profileId() + "）与当前的不同（方案已修改）。复核按当前规则进行；表中公式的计算结果可能与复核不同，无需单位修改。"));
            }
            IssueSignature.prefilled(meta.get("prefilled")).forEach((id, signed) -> {
                String visible = visible(c, id);
                if (!visible.equals(signed)) {
                    findings.add(c.finding(FindingCode.C19, Severity.ERROR, List.of(id), signed, visible, c.label(id) + " 是财政局预填的 "
                            + signed + "，现为“" + visible + "”。预填数不能修改；如有异议请联系财政局。"));
                }
            });
        }
        roster(c, identity, findings);
        return findings;
    }

    private static Optional<Finding> signature(Map<String, String> meta, Identity identity, String file) {
        String keyId = meta.getOrDefault("key_id", "");
        boolean demoSigned = keyId.equals(SigningKey.PUBLIC_DEMO.id());
        if (demoSigned) {
            if (!IssueSignature.verify(meta, meta.get("signature"), SigningKey.PUBLIC_DEMO)) {
                return Optional.of(Finding.aboutFile(FindingCode.C19, file, "下发标识已被改动（签名无效）。请使用原下发的填报表重新填写。"));
            }
            if (identity.demoMode()) {
                return Optional.empty();
            }
            if (identity.bureauKey().isPresent()) {
                return Optional.of(Finding.aboutFile(FindingCode.C19, file, "此填报表用公开的演示密钥签发，不是本局正式下发的填报表。请使用正式下发的填报表。"));
            }
            return Optional.of(new Finding(FindingCode.C19, Severity.WARNING, file, "", List.of(), "", "", "",
                    "此填报表用公开的演示密钥签发，任何人都能生成，不能证明是本局下发的。正式下发和核对都应使用本局密钥。"));
        }
        if (identity.bureauKey().isEmpty()) {
            return Optional.of(new Finding(FindingCode.C19, Severity.WARNING, file, "", List.of(), "", "", "",
                    "本机没有本局的签名密钥，无法核验下发标识（密钥 " + keyId + "）。请在保存密钥的电脑上复核，或设置 EVALBOOK_SIGNING_KEY。"));
        }
        SigningKey key = identity.bureauKey().get();
        if (!keyId.equals(key.id())) {
            return Optional.of(Finding.aboutFile(FindingCode.C19, file, "此填报表由另一个密钥（" + keyId + "）签发，不是用本局当前密钥下发的。请核实来源。"));
        }
        if (!IssueSignature.verify(meta, meta.get("signature"), key)) {
            return Optional.of(Finding.aboutFile(FindingCode.C19, file, "下发标识已被改动（签名无效）：单位、年度、方案或下发时间与签发时不符。请使用原下发的填报表重新填写。"));
        }
        return Optional.empty();
    }

    private static Optional<Finding> version(Subject c, Map<String, String> meta, String file) {
        String framework = meta.getOrDefault("framework_id", "");
        if (!framework.equals(c.frameworkId())) {
            return Optional.of(Finding.aboutFile(FindingCode.C19, file, "此填报表属于评价框架“" + framework + "”，不是“" + c.frameworkId() + "”。请确认是否发错文件。"));
        }
        String version = meta.getOrDefault("framework_version", "");
        if (compareVersions(version, c.frameworkVersion()) < 0) {
            return Optional.of(new Finding(FindingCode.C19, Severity.WARNING, file, "", List.of(), "framework_version", c.frameworkVersion(),
                    version, "此填报表按旧版评价框架（" + version + "）下发，当前为 " + c.frameworkVersion() + "。复核按当前版本进行，请留意差异。"));
        }
        return Optional.empty();
    }

    private static void roster(Subject c, Identity identity, List<Finding> findings) {
        if (!identity.rosterGiven()) {
            return;
        }
        String code = visible(c, "unit_code");
        if (identity.rosterRow().isEmpty()) {
            findings.add(c.finding(FindingCode.C19, Severity.ERROR, List.of("unit_code"), "名册中的单位", code,
                    "单位代码“" + code + "”不在名册中。请核实交回单位。"));
            return;
        }
        var row = identity.rosterRow().get();
        if (!row.unitName().equals(visible(c, "unit_name"))) {
            findings.add(c.finding(FindingCode.C19, Severity.ERROR, List.of("unit_name"), row.unitName(), visible(c, "unit_name"),
                    "单位名称“" + visible(c, "unit_name") + "”与名册（第 " + row.row() + " 行）的“" + row.unitName() + "”不符。请核实。"));
        }
        if (!String.valueOf(row.fiscalYear()).equals(visible(c, "fiscal_year"))) {
            findings.add(c.finding(FindingCode.C19, Severity.ERROR, List.of("fiscal_year"), String.valueOf(row.fiscalYear()),
                    visible(c, "fiscal_year"), "评价年度“" + visible(c, "fiscal_year") + "”与名册的 " + row.fiscalYear() + " 年不符。请核实。"));
        }
    }

    private static String visible(Subject c, String name) {
        return c.text(name).or(() -> c.number(name).map(Decimals::plain)).orElse("");
    }

    /**
     * The profile a return is scored under, by {@code lookup} in its framework: the signed meta's when the signature
     * holds, else the roster's (a tampered meta must not choose its own rules), then the meta's; empty when none is known.
     */
    static <P> Optional<P> profile(org.evalbook.intake.RawReturn raw, Identity identity, java.util.function.Function<String, Optional<P>> lookup) {
        return profile(raw, identity, trusted(raw.meta(), identity), lookup);
    }

    /** As {@link #profile(org.evalbook.intake.RawReturn, Identity, java.util.function.Function)}, trust already known. */
    static <P> Optional<P> profile(org.evalbook.intake.RawReturn raw, Identity identity, boolean trusted,
                                   java.util.function.Function<String, Optional<P>> lookup) {
        Optional<P> signed = Optional.ofNullable(raw.meta().get("profile")).flatMap(lookup);
        Optional<P> roster = identity.rosterRow().flatMap(r -> r.profile()).flatMap(lookup);
        return trusted ? signed.or(() -> roster) : roster.or(() -> signed);
    }

    /** Whether the meta's values can be relied on: signed with the bureau's key, or with the demo key in demo mode. */
    static boolean trusted(Map<String, String> meta, Identity identity) {
        if (!meta.containsKey("signature")) {
            return false;
        }
        boolean demoSigned = meta.getOrDefault("key_id", "").equals(SigningKey.PUBLIC_DEMO.id());
        if (demoSigned) {
            return identity.demoMode() && IssueSignature.verify(meta, meta.get("signature"), SigningKey.PUBLIC_DEMO);
        }
        return identity.bureauKey().filter(k -> k.id().equals(meta.get("key_id")))
                .map(k -> IssueSignature.verify(meta, meta.get("signature"), k)).orElse(false);
    }

    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int l = i < left.length ? parse(left[i]) : 0;
            int r = i < right.length ? parse(right[i]) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part.replaceAll("[^0-9]", ""));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
