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

/** {@code remind}: a 催报 to each unit with no accepted return, at most once a day each. */
public final class RemindMails {
    private RemindMails() {
    }

    /** @return whether every reminder went out; the send log is kept in {@code folder} (the returns' folder) */
    public static boolean send(Delivery delivery, List<RosterRow> missing, Optional<LocalDate> deadline, LocalDate today, Path folder,
                               PrintWriter out, PrintWriter err) throws MailException, IOException {
        List<Outgoing> mails = missing.stream().map(unit -> {
            Map<String, Object> view = new HashMap<>();
            view.put("unit_name", unit.unitName());
            view.put("year", unit.fiscalYear());
            view.put("today", chinese(today));
            view.put("from_name", delivery.config().fromName());
            deadline.ifPresent(d -> view.put("deadline", chinese(d)));
            return new Outgoing(MailTemplate.Kind.REMIND, unit.unitCode(), unit.unitName(), unit.email(),
                    MailTemplate.render(MailTemplate.Kind.REMIND, view), List.of(), today.toString());
        }).toList();
        return delivery.deliver(mails, folder, out, err);
    }

    static String chinese(LocalDate date) {
        return date.getYear() + " 年 " + date.getMonthValue() + " 月 " + date.getDayOfMonth() + " 日";
    }
}
