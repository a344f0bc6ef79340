package io.branchbox.rig.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link BenchAll} results document into the Markdown that docs/BENCHMARKS.md carries
 * between its generated-section markers. Stateless.
 */
final class BenchReport {

    private BenchReport() {}

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> doc) {
        StringBuilder b = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) doc.get("machine");
        b.append("Run ").append(doc.get("started")).append(" (").append(doc.get("mode")).append(" mode) on ")
                .append(machine.get("cores")).append(" core(s), ").append(machine.get("cpu")).append(", ")
                .append(machine.get("memory")).append(", ").append(machine.get("os")).append("; java ")
                .append(doc.get("java")).append(".\n\n");
        b.append("JVM options (web-admin/src/dist/jvm.options): `")
                .append(String.join(" ", (List<String>) doc.get("jvmOptions"))).append("`.\n\n");
        b.append("Load average before ").append(doc.get("loadAverageBefore")).append(", after ")
                .append(doc.get("loadAverageAfter")).append(".\n\n");
        b.append("| Bench | Command | Exit | Seconds |\n|---|---|---|---|\n");
        for (Map<String, Object> r : (List<Map<String, Object>>) doc.get("runs")) {
            b.append("| ").append(r.get("bench")).append(" | `").append(r.get("command")).append("` | ")
                    .append(r.get("exit")).append(" | ").append(r.get("seconds")).append(" |\n");
        }
        b.append("\n| Figure | Value | Unit | Better |\n|---|---:|---|---|\n");
        for (Map<String, Object> f : (List<Map<String, Object>>) doc.get("figures")) {
            b.append("| ").append(f.get("name")).append(" | ").append(BenchAll.format((Double) f.get("value")))
                    .append(" | ").append(f.get("unit")).append(" | ").append(f.get("better")).append(" |\n");
        }
        return b.toString();
    }

    /** Replaces the text between the markers (appending a new section with them when absent). */
    static void replaceSection(Path doc, String table) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String section = BenchAll.DOC_START + "\n" + table + BenchAll.DOC_END;
        int start = text.indexOf(BenchAll.DOC_START);
        int end = text.indexOf(BenchAll.DOC_END);
        String next = start >= 0 && end > start
                ? text.substring(0, start) + section + text.substring(end + BenchAll.DOC_END.length())
                : text + "\n## The whole suite: `./box bench-all` (issue 20)\n\n" + section + "\n";
        Files.writeString(doc, next, StandardCharsets.UTF_8);
    }
}
