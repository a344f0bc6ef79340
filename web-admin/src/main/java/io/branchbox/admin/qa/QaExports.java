package io.branchbox.admin.qa;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.branchbox.admin.http.HttpProblem;
import io.branchbox.firmware.qa.QaCompletion;
import io.branchbox.firmware.qa.report.Bulletin;
import io.branchbox.firmware.qa.report.MonthlyReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bulletin and the monthly report as files: CSV (UTF-8 with a byte-order mark so Excel reads
 * the Chinese, RFC 4180 quoting), xlsx ({@link QaWorkbooks}, from the same rows) and PDF through OpenPDF with the Noto Sans CJK font embedded
 * (subset), so the Chinese renders on any reader. Headings are Chinese, the branch's language.
 *
 * <p>The font is Debian's {@code fonts-noto-cjk}, found by {@link CjkFont}; without it a PDF
 * export answers 503 saying what to install, before any byte of a PDF is written. Thread-safe.
 */
final class QaExports {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** What a file prints for a figure without data (issue 16: never 0 % or 100 %). */
    static final String NO_DATA = "无数据";

    private QaExports() {}

    /** {@code v}, or {@link #NO_DATA} when there is none (a number cell stays a number). */
    static Object orNoData(Double v) {
        return v == null ? NO_DATA : v;
    }

    /** The completion as the files print it: {@code 97.5%}, or {@link #NO_DATA}. */
    static String percent(QaCompletion c) {
        return c.hasData() ? c.percent() + "%" : NO_DATA;
    }

    static final List<String> BULLETIN_HEADERS = List.of("日期", "班次", "类别", "通话", "坐席", "得分", "致命错误", "失分项", "评语");
    static final List<String> MONTHLY_HEADERS = List.of("月份", "坐席", "质检量", "平均分", "最低分", "最高分", "周趋势",
            "致命错误", "最常失分项");

    /** The bulletin's praise and faults, one row per call ({@link #BULLETIN_HEADERS}; the total a number). */
    static List<List<Object>> bulletinRows(Bulletin b) {
        List<List<Object>> rows = new ArrayList<>();
        for (Bulletin.ShiftPart s : b.shifts()) {
            for (Bulletin.Entry e : s.praise()) {
                rows.add(entryRow(b, s, "表扬", e));
            }
            for (Bulletin.Entry e : s.faults()) {
                rows.add(entryRow(b, s, "差错", e));
            }
        }
        return rows;
    }

    /** One row per agent ({@link #MONTHLY_HEADERS}; counts and scores numbers). */
    static List<List<Object>> monthlyRows(MonthlyReport r) {
        List<List<Object>> rows = new ArrayList<>();
        for (MonthlyReport.AgentPart a : r.agents()) {
            rows.add(List.of(r.month().toString(), a.agentId(), a.scored(), a.average(), a.min(), a.max(), trend(a),
                    fatal(a), missed(a)));
        }
        return rows;
    }

    static byte[] bulletinCsv(Bulletin b) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(BULLETIN_HEADERS);
        rows.addAll(bulletinRows(b));
        return csv(rows);
    }

    static byte[] monthlyCsv(MonthlyReport r, QaCompletion c) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(MONTHLY_HEADERS);
        rows.addAll(monthlyRows(r));
        rows.add(List.of(r.month().toString(), "质检完成率", Integer.toString(c.scored()), "计划 " + c.planned(),
                "接听 " + c.answered(), percent(c), "", "", ""));
        return csv(rows);
    }

    static byte[] bulletinPdf(Bulletin b) {
        return pdf("质检日报 " + b.day(), (doc, f, bold) -> {
            for (Bulletin.ShiftPart s : b.shifts()) {
                doc.add(new Paragraph(s.shiftName() + "（" + s.shiftId() + "）  质检 " + s.scored() + " 通，平均 "
                        + (s.average() == null ? NO_DATA : s.average() + " 分"), bold));
                PdfPTable t = table(f, bold, new float[] {1, 3, 1.4f, 1, 3, 4}, "类别", "通话", "坐席", "得分", "问题", "评语");
                for (Bulletin.Entry e : s.praise()) {
                    cells(t, f, "表扬", e.callId(), e.agentId(), Integer.toString(e.total()), "", e.comment());
                }
                for (Bulletin.Entry e : s.faults()) {
                    cells(t, f, "差错", e.callId(), e.agentId(), Integer.toString(e.total()),
                            join(e.fatal(), e.missed()), e.comment());
                }
                if (s.praise().isEmpty() && s.faults().isEmpty()) {
                    cells(t, f, "—", "本班次无表扬或差错", "", "", "", "");
                }
                doc.add(t);
            }
        });
    }

    static byte[] monthlyPdf(MonthlyReport r, QaCompletion c) {
        return pdf("坐席质检月报 " + r.month(), (doc, f, bold) -> {
            doc.add(new Paragraph("质检完成率 " + percent(c) + "（已质检 " + c.scored() + " / 计划 " + c.planned()
                    + "，坐席接听 " + c.answered() + " 通）", f));
            PdfPTable t = table(f, bold, new float[] {1.3f, 1, 1, 1.6f, 3, 3, 4},
                    "坐席", "质检量", "平均分", "最低/最高", "周趋势", "致命错误", "最常失分项");
            for (MonthlyReport.AgentPart a : r.agents()) {
                cells(t, f, a.agentId(), Integer.toString(a.scored()), Double.toString(a.average()),
                        a.min() + " / " + a.max(), trend(a), fatal(a), missed(a));
            }
            doc.add(t);
        });
    }

    private interface Body {
        void write(Document doc, Font f, Font bold) throws DocumentException;
    }

    private static byte[] pdf(String title, Body body) {
        BaseFont bf = CjkFont.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title);
            doc.open();
            Font f = new Font(bf, 9);
            Font bold = new Font(bf, 11, Font.BOLD);
            Paragraph h = new Paragraph(title, new Font(bf, 16, Font.BOLD));
            h.setSpacingAfter(8);
            doc.add(h);
            body.write(doc, f, bold);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF could not be written: " + e.getMessage(), e);
        } finally {
            doc.close();
        }
        return out.toByteArray();
    }

    private static PdfPTable table(Font f, Font bold, float[] widths, String... heads) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        t.setSpacingAfter(12);
        t.setHeaderRows(1);
        for (String h : heads) {
            PdfPCell c = new PdfPCell(new Phrase(h, bold));
            c.setGrayFill(0.9f);
            t.addCell(c);
        }
        return t;
    }

    private static void cells(PdfPTable t, Font f, String... values) {
        for (String v : values) {
            t.addCell(new PdfPCell(new Phrase(v == null ? "" : v, f)));
        }
    }

    private static List<Object> entryRow(Bulletin b, Bulletin.ShiftPart s, String kind, Bulletin.Entry e) {
        return List.of(b.day().toString(), s.shiftName(), kind, e.callId(), e.agentId(), e.total(),
                String.join("；", e.fatal()), String.join("；", e.missed()), e.comment());
    }

    private static String join(List<String> fatal, List<String> missed) {
        String f = fatal.isEmpty() ? "" : "致命：" + String.join("；", fatal);
        String m = missed.isEmpty() ? "" : "失分：" + String.join("；", missed);
        return f.isEmpty() ? m : m.isEmpty() ? f : f + "\n" + m;
    }

    static String trend(MonthlyReport.AgentPart a) {
        return a.trend().stream().map(w -> w.monday().toString().substring(5) + " " + w.average())
                .collect(Collectors.joining("，"));
    }

    private static String fatal(MonthlyReport.AgentPart a) {
        return a.fatalCalls().stream().map(fc -> fc.callId() + " " + String.join("、", fc.fatal()))
                .collect(Collectors.joining("；"));
    }

    private static String missed(MonthlyReport.AgentPart a) {
        return a.missed().stream().map(m -> m.nameZh() + " ×" + m.times()).collect(Collectors.joining("；"));
    }

    private static byte[] csv(List<List<?>> rows) {
        StringBuilder sb = new StringBuilder();
        for (List<?> row : rows) {
            sb.append(row.stream().map(v -> quote(String.valueOf(v))).collect(Collectors.joining(","))).append("\r\n");
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(text, 0, out, BOM.length, text.length);
        return out;
    }

    /** RFC 4180, and a leading = + - @ is neutralised so a spreadsheet never runs a comment as a formula. */
    private static String quote(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
