package org.evalbook.mail;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.roster.RosterRow;

/** {@code issue --mail}: each unit its issued workbook, attached, to the roster's 邮箱. */
public final class IssueMails {
    /** One unit and the workbook issued to it. */
    public record Issued(RosterRow unit, Path workbook) {
    }

    private IssueMails() {
    }

    /** @return whether every unit's mail went out; the send log is written beside the workbooks */
    public static boolean send(Delivery delivery, List<Issued> issued, Optional<LocalDate> deadline, Path folder,
                               PrintWriter out, PrintWriter err) throws MailException, IOException {
        List<Outgoing> mails = issued.stream().map(i -> mail(delivery.config(), i, deadline)).toList();
        return delivery.deliver(mails, folder, out, err);
    }

    private static Outgoing mail(MailConfig config, Issued issued, Optional<LocalDate> deadline) {
        RosterRow unit = issued.unit();
        String file = issued.workbook().getFileName().toString();
        Map<String, Object> view = new HashMap<>();
        view.put("unit_name", unit.unitName());
        view.put("year", unit.fiscalYear());
        view.put("file", file);
        view.put("from_name", config.fromName());
        deadline.ifPresent(d -> view.put("deadline", d.getYear() + " 年 " + d.getMonthValue() + " 月 " + d.getDayOfMonth() + " 日"));
        return new Outgoing(MailTemplate.Kind.ISSUE, unit.unitCode(), unit.unitName(), unit.email(),
                MailTemplate.render(MailTemplate.Kind.ISSUE, view), List.of(issued.workbook()), file);
    }
}
