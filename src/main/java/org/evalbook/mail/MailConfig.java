package org.evalbook.mail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bureau's mail settings, {@code evalbook.yaml}: who mails, through which SMTP server, from which IMAP folder.
 * Exactly the keys of the README's example are accepted; passwords are never in this file (see {@link Passwords}).
 *
 * @param warnings what the command must print (an unencrypted connection to another machine)
 */
public record MailConfig(String fromName, String fromAddress, Server smtp, Server imap, List<String> warnings) {
    /** The file read when {@code --config} is not given, in the working directory. */
    public static final String DEFAULT_FILE = "evalbook.yaml";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern PASSWORD_KEY = Pattern.compile("(?i)pass|pwd|secret|密码|口令|授权码");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public MailConfig {
        warnings = List.copyOf(warnings);
    }

    private record RawFile(RawMail mail) {
    }

    private record RawMail(RawFrom from, RawServer smtp, RawServer imap) {
    }

    private record RawFrom(String name, String address) {
    }

    private record RawServer(String host, Integer port, String security, String user, String folder) {
    }

    /** Reads and checks {@code file}; every problem is in the exception's Chinese message, with the file's name. */
    public static MailConfig read(Path file) throws MailException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new MailException("找不到邮件配置文件 " + file + "。请在当前文件夹建立 " + DEFAULT_FILE
                    + "（格式见 README 的“邮件设置”一节），或用 --config 指定。");
        } catch (IOException unreadable) {
            throw new MailException("无法读取邮件配置文件 " + file + "。请检查文件是否存在、是否是 UTF-8 编码的文本。", unreadable);
        }
        RawFile raw;
        try {
            raw = YAML.readValue(text, RawFile.class);
        } catch (UnrecognizedPropertyException unknown) {
            throw unknownKey(file, unknown);
        } catch (JsonProcessingException malformed) {
            String line = malformed.getLocation() == null ? "" : "第 " + malformed.getLocation().getLineNr() + " 行";
            throw new MailException(file + "：" + line + "无法读取。请检查缩进、冒号和花括号，格式见 README 的“邮件设置”一节。", malformed);
        }
        return of(file.toString(), raw);
    }

    /** The key is named by its full path; its value is never repeated (it may be a password typed into the file). */
    private static MailException unknownKey(Path file, UnrecognizedPropertyException unknown) {
        List<String> keys = new ArrayList<>();
        unknown.getPath().forEach(ref -> keys.add(ref.getFieldName()));
        String path = String.join(".", keys);
        String section = String.join(".", keys.subList(0, keys.size() - 1));
        if (PASSWORD_KEY.matcher(unknown.getPropertyName()).find()) {
            return new MailException(file + "：" + path + "：密码不能写在配置文件中，请删去这一行，改用环境变量 "
                    + (section.endsWith("imap") ? Passwords.IMAP_VARIABLE : Passwords.SMTP_VARIABLE) + "（或在终端运行时按提示输入）。");
        }
        List<String> known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
        return new MailException(file + "：未知的键 " + path + "。" + (section.isEmpty() ? "最上层" : section + " 下")
                + "可用的键：" + String.join("、", known) + "。格式见 README 的“邮件设置”一节。");
    }

    private static MailConfig of(String file, RawFile raw) throws MailException {
        List<String> problems = new ArrayList<>();
        if (raw == null || raw.mail() == null) {
            throw new MailException(file + "：缺少 mail: 一节。格式见 README 的“邮件设置”一节。");
        }
        RawMail mail = raw.mail();
        String fromName = mail.from() == null || mail.from().name() == null ? "" : mail.from().name().strip();
        String fromAddress = mail.from() == null || mail.from().address() == null ? "" : mail.from().address().strip();
        if (!ADDRESS.matcher(fromAddress).matches()) {
            problems.add("mail.from.address 应是发件邮箱，如 jxpj@example.gov.cn");
        }
        Server smtp = server("smtp", mail.smtp(), false, problems);
        Server imap = server("imap", mail.imap(), true, problems);
        if (!problems.isEmpty()) {
            throw new MailException(file + "：" + String.join("；", problems) + "。");
        }
        List<String> warnings = new ArrayList<>();
        for (Server server : List.of(smtp, imap)) {
            if (server.security() == Security.NONE && !server.loopback()) {
                warnings.add("注意：" + server.host() + " 的连接未加密（security: none），邮件内容和密码会以明文经过网络。"
                        + "正式使用请改为 ssl 或 starttls。");
            }
        }
        return new MailConfig(fromName, fromAddress, smtp, imap, warnings);
    }

    private static Server server(String key, RawServer raw, boolean imap, List<String> problems) {
        if (raw == null) {
            problems.add("缺少 mail." + key);
            return null;
        }
        String host = raw.host() == null ? "" : raw.host().strip();
        if (host.isEmpty()) {
            problems.add("mail." + key + ".host 为空，请填写服务器地址");
        }
        int port = raw.port() == null ? 0 : raw.port();
        if (port < 1 || port > 65535) {
            problems.add("mail." + key + ".port 应是 1–65535 之间的端口号");
        }
        String given = raw.security() == null ? "" : raw.security().strip();
        Security security = Security.of(given).orElse(null);
        if (security == null) {
            problems.add("mail." + key + ".security 应是 ssl、starttls 或 none" + (given.isEmpty() ? "（未填写）" : "，不能是“" + given + "”"));
        }
        String user = raw.user() == null ? "" : raw.user().strip();
        if (user.isEmpty()) {
            problems.add("mail." + key + ".user 为空，请填写登录用户名");
        }
        String folder = raw.folder() == null ? "" : raw.folder().strip();
        if (imap && folder.isEmpty()) {
            folder = "INBOX";
        } else if (!imap && !folder.isEmpty()) {
            problems.add("mail.smtp 不用 folder（收件文件夹写在 mail.imap 下）");
        }
        return new Server(host, port, security, user, folder);
    }
}
