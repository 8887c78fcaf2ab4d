package org.evalbook.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The 综述 of a consolidated batch: the narrative the bureau pastes into its report upward, worded by a Mustache
 * template ({@code workbook-templates/consolidation/summary.mustache}, bundled) that the bureau may copy and edit.
 * Every line the template writes is a paragraph; empty lines are dropped. Unit text is written as typed: nothing is
 * escaped, and nothing written is ever read back as a template.
 */
public final class SummaryNarrative {
    private static final String TEMPLATE = "summary.mustache";
    private static final String BUNDLED = "/frameworks/consolidation/" + TEMPLATE;

    private SummaryNarrative() {
    }

    /** The summary worded by the bundled template and recommendations. */
    public static String render(SummaryFacts facts) {
        try (InputStream in = SummaryNarrative.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + BUNDLED + " is missing from the jar");
            }
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return render(facts, template, TEMPLATE, Recommendations.bundled());
        } catch (IOException e) {
            throw new UncheckedIOException("bundled " + BUNDLED + " cannot be read", e);
        }
    }

    /**
     * The summary worded by a template the bureau edited. The recommendations come from {@code recommendations.yaml}
     * beside it when the bureau copied that file too, else from the bundled one.
     *
     * @throws SummaryTemplateException when the template or its recommendations cannot be used (the message says
     *                                  which file, where, and what to do)
     */
    public static String render(SummaryFacts facts, Path template) {
        String text;
        try {
            text = Files.readString(template, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new SummaryTemplateException(template + "：不是 UTF-8 编码的文本。请用记事本等编辑器另存为 UTF-8 编码后再用。", e);
        } catch (IOException e) {
            throw new SummaryTemplateException(template + "：无法读取综述模板。请检查文件是否存在、是否有读取权限。", e);
        }
        return render(facts, text, template.toString(), Recommendations.beside(template));
    }

    private static String render(SummaryFacts facts, String template, String name, Recommendations recommendations) {
        Map<String, Object> view = SummaryView.of(facts, recommendations);
        StringWriter out = new StringWriter();
        try {
            Mustache mustache = new PlainTextFactory().compile(new StringReader(template), name);
            mustache.execute(out, view);
        } catch (MustacheException e) {
            String line = e.getContext() == null ? "" : "第 " + e.getContext().line() + " 行附近";
            throw new SummaryTemplateException(name + "：" + line + "的模板标记有误。请检查 {{ }} 是否成对，"
                    + "{{#名称}} 是否有对应的 {{/名称}}，或从 workbook-templates/consolidation/" + TEMPLATE + " 重新复制。", e);
        }
        return paragraphs(out.toString());
    }

    /** One paragraph per non-empty line, without the indentation or trailing spaces an editor may leave. */
    private static String paragraphs(String rendered) {
        return rendered.lines().map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Writes values as they are: the summary is plain text, so HTML escaping would corrupt "三公" and <. */
    private static final class PlainTextFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("cannot write the summary", e);
            }
        }
    }
}
