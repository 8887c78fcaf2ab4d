package org.evalbook.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The wording of one kind of mail, from {@code workbook-templates/mail/<kind>.mustache} (bundled in the jar): the
 * first line is the subject, the rest the body. Nothing is HTML-escaped — mail here is plain text — and nothing the
 * units typed is ever read as a template.
 */
final class MailTemplate {
    /** The kinds of mail, each with its bundled template. */
    enum Kind {
        ISSUE("issue", "下发"), REMIND("remind", "催报"), RETURN("return", "退回修改"), RECEIPT("receipt", "回执");

        private final String file;
        private final String label;

        Kind(String file, String label) {
            this.file = file;
            this.label = label;
        }

        /** How the send log names it. */
        String label() {
            return label;
        }
    }

    /** A rendered mail: one-line subject, plain-text body. */
    record Text(String subject, String body) {
    }

    private MailTemplate() {
    }

    static Text render(Kind kind, Map<String, Object> view) {
        String resource = "/frameworks/mail/" + kind.file + ".mustache";
        String template;
        try (InputStream in = MailTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + resource + " is missing from the jar");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(resource, unreadable);
        }
        Mustache mustache = new PlainText().compile(new StringReader(template), kind.file);
        StringWriter out = new StringWriter();
        mustache.execute(out, view);
        String text = out.toString().replace("\r\n", "\n");
        int newline = text.indexOf('\n');
        String subject = (newline < 0 ? text : text.substring(0, newline)).strip();
        String body = newline < 0 ? "" : text.substring(newline + 1).strip() + "\n";
        return new Text(subject.replaceAll("\\p{Cntrl}", " "), body);
    }

    /** Mustache.java escapes HTML by default; mail bodies are plain text. */
    private static final class PlainText extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
