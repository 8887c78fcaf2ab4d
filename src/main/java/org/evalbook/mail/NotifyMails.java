package org.evalbook.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.consolidate.FileState;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.roster.RosterRow;

/**
 * {@code notify}: from the JSON {@code consolidate --json} wrote, each return with errors goes back to its unit with
 * its annotated copy and the list of problems (退回修改); each clean return gets a short 回执.
 */
public final class NotifyMails {
    private static final int MAX_LISTED = 30;

    /** One mail to send, or why not. */
    public record Planned(String unitCode, String unitName, String file, boolean returned, Optional<String> problem) {
    }

    private NotifyMails() {
    }

    /** What notify would send for each return in {@code results}, with the copies found in {@code annotated}. */
    public static List<Planned> plan(Path results, Path annotated, Map<String, RosterRow> roster) throws IOException {
        List<Planned> planned = new ArrayList<>();
        for (Notice notice : notices(results, annotated, roster, "")) {
            planned.add(new Planned(notice.unit().unitCode(), notice.unit().unitName(), notice.file(), notice.errors() > 0, notice.problem()));
        }
        return planned;
    }

    /** @return whether every mail went out; the send log is kept in {@code annotated} */
    public static boolean send(Delivery delivery, Path results, Path annotated, Map<String, RosterRow> roster, PrintWriter out,
                               PrintWriter err) throws MailException, IOException {
        List<Outgoing> mails = new ArrayList<>();
        List<Notice> notices = notices(results, annotated, roster, delivery.config().fromName());
        for (Notice notice : notices) {
            if (notice.problem().isPresent()) {
                err.println(notice.file() + "：" + notice.problem().get());
            } else {
                mails.add(notice.mail());
            }
        }
        boolean complete = mails.size() == notices.size();
        return delivery.deliver(mails, annotated, out, err) && complete;
    }

    private record Notice(RosterRow unit, String file, int errors, Outgoing mail, Optional<String> problem) {
    }

    private static List<Notice> notices(Path results, Path annotated, Map<String, RosterRow> roster, String fromName) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(results));
        List<Notice> notices = new ArrayList<>();
        for (JsonNode file : root.path("files")) {
            RosterRow unit = roster.get(file.path("unit_code").asText(""));
            // From consolidate --json, only the return that counts for its unit: a superseded one was answered by its successor.
            boolean adopted = file.path("state").asText(FileState.ADOPTED.label()).equals(FileState.ADOPTED.label());
            if (unit == null || !file.path("readable").asBoolean(false) || !adopted) {
                continue;
            }
            String name = file.path("file").asText();
            int errors = file.path("errors").asInt();
            Map<String, Object> view = new HashMap<>();
            view.put("unit_name", unit.unitName());
            view.put("year", unit.fiscalYear());
            view.put("file", name.substring(name.lastIndexOf('/') + 1));
            view.put("errors", errors);
            int warnings = file.path("warnings").asInt();
            if (warnings > 0) {
                view.put("warnings", warnings);
            }
            view.put("from_name", fromName);
            if (errors == 0) {
                notices.add(new Notice(unit, name, 0, new Outgoing(MailTemplate.Kind.RECEIPT, unit.unitCode(), unit.unitName(), unit.email(),
                        MailTemplate.render(MailTemplate.Kind.RECEIPT, view), List.of(), name), Optional.empty()));
                continue;
            }
            Optional<Path> copy = copyOf(annotated, name);
            view.put("copy", copy.map(p -> p.getFileName().toString()).orElse(""));
            view.put("problems", problems(file));
            Outgoing mail = new Outgoing(MailTemplate.Kind.RETURN, unit.unitCode(), unit.unitName(), unit.email(),
                    MailTemplate.render(MailTemplate.Kind.RETURN, view), copy.map(List::of).orElse(List.of()), name);
            notices.add(new Notice(unit, name, errors, mail, copy.isPresent() ? Optional.empty()
                    : Optional.of("在 " + annotated + " 中找不到审核意见副本，未发送退回修改邮件。请用 consolidate --annotate 生成副本后重试。")));
        }
        return notices;
    }

    private static List<Map<String, Object>> problems(JsonNode file) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (JsonNode finding : file.path("findings")) {
            if (!finding.path("severity").asText().equals("error") || lines.size() == MAX_LISTED) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            finding.path("cells").forEach(c -> cells.add(c.asText()));
            String where = cells.isEmpty() ? "" : String.join("、", cells) + " ";
            String message = finding.path("message").asText();
            lines.add(Map.of("number", lines.size() + 1, "text", message.startsWith(where.strip()) ? message : where + message));
        }
        return lines;
    }

    /** The annotated copy the pipeline made of {@code file}: named after its last segment, or its whole relative path. */
    private static Optional<Path> copyOf(Path annotated, String file) {
        String last = file.substring(file.lastIndexOf('/') + 1);
        List<String> stems = List.of(stem(last), stem(file).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_"));
        for (String stem : stems) {
            for (String extension : List.of("xlsx", "xlsm", "xls")) {
                Path copy = annotated.resolve(stem + ReceivedFiles.COPY_SUFFIX + "." + extension);
                if (Files.isRegularFile(copy)) {
                    return Optional.of(copy);
                }
            }
        }
        return Optional.empty();
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
