package io.branchbox.admin.reports;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigException;
import io.branchbox.firmware.journal.JournalReader;
import io.branchbox.firmware.kpi.DataDirKpis;
import io.branchbox.firmware.kpi.Grouping;
import io.branchbox.firmware.kpi.KpiJson;
import io.branchbox.firmware.kpi.KpiReports;
import io.branchbox.firmware.kpi.KpiRow;
import io.branchbox.firmware.kpi.KpiSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code box.jar report --data DIR --from YYYY-MM-DD --to YYYY-MM-DD [--by agent|queue|shift]
 * [--format json|csv|xlsx] [--out FILE] [--config FILE] [--zone ZONE]}: the KPIs of a box's data
 * directory, stopped or running, without disturbing it (roll-ups or a read-only journal replay;
 * the database is never opened). Settings (time zone, service level, shifts) come from the
 * configuration document ({@code DIR/box.json} unless {@code --config}); {@code --zone} overrides
 * the time zone.
 *
 * <p>Bad input gets one line on the error stream and exit code 2; a period without calls gives the
 * branch's row with every KPI "no data"; a damaged journal tail is skipped with a note. Never a
 * stack trace. Runs on the caller's thread.
 */
public final class ReportCommand {
    public static final String USAGE = "usage: report --data DIR --from YYYY-MM-DD --to YYYY-MM-DD "
            + "[--by agent|queue|shift] [--format json|csv|xlsx] [--out FILE] [--config FILE] [--zone ZONE]";

    /** Bad input: the message says what to change. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    private ReportCommand() {}

    /** Runs the command; returns the exit code (0 done, 2 bad input, 1 could not read). */
    public static int run(PrintStream out, PrintStream err, Clock clock, String... args) {
        try {
            Map<String, String> o = options(args);
            Path data = Path.of(require(o, "data"));
            if (!Files.isDirectory(data)) {
                throw new BadInput("--data " + data + " is not a directory");
            }
            LocalDate from = date(o, "from");
            LocalDate to = date(o, "to");
            if (from.isAfter(to)) {
                throw new BadInput("--from " + from + " is after --to " + to);
            }
            Grouping by = Grouping.byKey(o.getOrDefault("by", "all"));
            if (by == null) {
                throw new BadInput("unknown --by '" + o.get("by") + "': agent, queue or shift (or leave it out for the branch)");
            }
            String format = o.getOrDefault("format", "json");
            if (!List.of("json", "csv", "xlsx").contains(format)) {
                throw new BadInput("unknown --format '" + format + "': json, csv or xlsx");
            }
            if ("xlsx".equals(format) && !o.containsKey("out")) {
                throw new BadInput("--format xlsx needs --out FILE");
            }
            KpiSettings settings = settings(data, o, err);
            DataDirKpis.Books books = DataDirKpis.read(data, settings, from, to, LocalDate.now(clock.withZone(settings.zone())));
            notes(books, data, err);
            List<KpiRow> rows = KpiReports.rows(books.days(), from, to, by, settings);
            byte[] bytes = render(rows, format, settings);
            if (o.containsKey("out")) {
                Files.write(Path.of(o.get("out")), bytes);
            } else {
                out.write(bytes);
                out.flush();
            }
            return 0;
        } catch (BadInput e) {
            err.println("report: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("report: could not read the figures: " + e);
            return 1;
        }
    }

    static byte[] render(List<KpiRow> rows, String format, KpiSettings settings) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        switch (format) {
            case "csv" -> KpiExport.csv(rows, new OutputStreamWriter(b, StandardCharsets.UTF_8));
            case "xlsx" -> KpiExport.xlsx(rows, settings, b);
            default -> {
                ArrayNode a = KpiJson.MAPPER.createArrayNode();
                rows.forEach(r -> a.add(KpiJson.row(r)));
                b.write(KpiJson.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(a));
                b.write('\n');
            }
        }
        return b.toByteArray();
    }

    private static void notes(DataDirKpis.Books books, Path data, PrintStream err) {
        JournalReader.Result j = books.journal();
        if (j == null) {
            return;
        }
        if (j.segments() == 0) {
            err.println("report: note: no journal in " + data.resolve("journal") + ": the report is empty");
        }
        if (j.tornBytes() > 0) {
            err.println("report: note: the journal's last " + j.tornBytes()
                    + " byte(s) are damaged or still being written; they were skipped");
        }
        if (j.corruptLines() > 0) {
            err.println("report: note: " + j.corruptLines() + " damaged journal line(s) were skipped");
        }
    }

    private static KpiSettings settings(Path data, Map<String, String> o, PrintStream err) throws BadInput, IOException {
        Path config = o.containsKey("config") ? Path.of(o.get("config")) : data.resolve("box.json");
        BoxConfig c;
        if (Files.isRegularFile(config)) {
            try {
                c = ConfigDocuments.read(config);
            } catch (ConfigException e) {
                throw new BadInput("the configuration document " + config + " is not valid: " + e.getMessage());
            }
        } else if (o.containsKey("config")) {
            throw new BadInput("--config " + config + " does not exist");
        } else {
            err.println("report: note: no " + config + "; using the factory settings (time zone, service level, shifts)");
            c = ConfigDocuments.defaults();
        }
        KpiSettings s = KpiSettings.of(c);
        if (o.containsKey("zone")) {
            try {
                s = new KpiSettings(ZoneId.of(o.get("zone")), s.serviceLevelS(), s.serviceLevelTargetPercent(), s.shifts(),
                        s.holidays(), s.workdays());
            } catch (DateTimeException e) {
                throw new BadInput("unknown --zone '" + o.get("zone") + "' (a region such as Asia/Shanghai)");
            }
        }
        return s;
    }

    private static Map<String, String> options(String... args) throws BadInput {
        List<String> known = List.of("data", "from", "to", "by", "format", "out", "config", "zone");
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || !known.contains(a.substring(2))) {
                throw new BadInput("unknown option '" + a + "'");
            }
            if (i + 1 >= args.length) {
                throw new BadInput(a + " needs a value");
            }
            o.put(a.substring(2), args[++i]);
        }
        return o;
    }

    private static String require(Map<String, String> o, String key) throws BadInput {
        String v = o.get(key);
        if (v == null || v.isBlank()) {
            throw new BadInput("--" + key + " is required");
        }
        return v;
    }

    private static LocalDate date(Map<String, String> o, String key) throws BadInput {
        String v = require(o, key);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadInput("--" + key + " '" + v + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** For the command line: writes to the real streams. */
    public static int main(OutputStream stdout, PrintStream err, String... args) {
        return run(new PrintStream(stdout, true, StandardCharsets.UTF_8), err, Clock.systemUTC(), args);
    }
}
