package io.branchbox.firmware.qa.form;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scoring form as the quality staff submit it (the web admin's form editor, or an imported
 * JSON): the shape of {@link ScoringForm} with nothing checked yet, so that every mistake can be
 * named at its field ({@link #problems()}) instead of failing on the first. {@link #toForm()}
 * makes the form once there is no problem.
 *
 * <p>Ids may be left empty for new sections and items: {@link #toForm()} gives them one
 * ({@code section-3}, {@code section-3.2}) that no other section or item of the form has. Ids of
 * existing items must be kept, because reports count missed items by id across versions.
 * An empty English name is the Chinese one. {@code version} is ignored (saving makes the next
 * version), so a form exported as JSON imports as it is.
 *
 * <p>Immutable; any thread.
 */
public record FormDraft(String id, Integer version, String nameZh, String nameEn, Integer commentBelow,
        List<Section> sections) {
    /** The longest name or item text. */
    public static final int MAX_TEXT = 200;
    /** The most sections of one form. */
    public static final int MAX_SECTIONS = 30;
    /** The most items of one section. */
    public static final int MAX_ITEMS = 50;
    /** The most points one item may carry. */
    public static final int MAX_POINTS = 100;

    private static final String FORM_ID = "[a-z0-9][a-z0-9-]{0,39}";
    private static final String PART_ID = "[a-z0-9][a-z0-9._-]{0,39}";

    /** A section as submitted. */
    public record Section(String id, String nameZh, String nameEn, List<Item> items) {}

    /** An item as submitted; {@code points} null when the field was left empty. */
    public record Item(String id, String nameZh, String nameEn, Integer points, boolean fatal) {}

    /** Everything wrong with the draft, each at its field, in the order of the form; empty when it may be saved. */
    public List<FormProblem> problems() {
        List<FormProblem> out = new ArrayList<>();
        if (id == null || !id.matches(FORM_ID)) {
            out.add(FormProblem.at("id", FormRule.FORM_ID));
        }
        if (text(out, "name", nameZh, true)) {
            out.add(FormProblem.at("name", FormRule.NAME_REQUIRED));
        }
        text(out, "nameEn", nameEn, false);
        List<Section> ss = sections == null ? List.of() : sections;
        if (ss.isEmpty() || ss.size() > MAX_SECTIONS) {
            out.add(FormProblem.at("sections", FormRule.SECTIONS, MAX_SECTIONS));
        }
        Set<String> sectionIds = new HashSet<>();
        Set<String> itemIds = new HashSet<>();
        int total = 0;
        int scored = 0;
        for (int s = 0; s < ss.size(); s++) {
            Section sec = ss.get(s);
            String sp = "sections." + s;
            if (sec == null) {
                out.add(FormProblem.at(sp + ".name", FormRule.SECTION_NAME));
                continue;
            }
            id(out, sp + ".name", sec.id(), sectionIds);
            if (text(out, sp + ".name", sec.nameZh(), true)) {
                out.add(FormProblem.at(sp + ".name", FormRule.SECTION_NAME));
            }
            text(out, sp + ".nameEn", sec.nameEn(), false);
            List<Item> items = sec.items() == null ? List.of() : sec.items();
            if (items.isEmpty() || items.size() > MAX_ITEMS) {
                out.add(FormProblem.at(sp + ".items", FormRule.SECTION_ITEMS, MAX_ITEMS));
            }
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                String ip = sp + ".items." + i;
                if (it == null) {
                    out.add(FormProblem.at(ip + ".text", FormRule.ITEM_TEXT));
                    continue;
                }
                id(out, ip + ".text", it.id(), itemIds);
                if (text(out, ip + ".text", it.nameZh(), true)) {
                    out.add(FormProblem.at(ip + ".text", FormRule.ITEM_TEXT));
                }
                text(out, ip + ".textEn", it.nameEn(), false);
                if (it.fatal()) {
                    if (it.points() != null && it.points() != 0) {
                        out.add(FormProblem.at(ip + ".points", FormRule.FATAL_POINTS));
                    }
                } else if (it.points() == null || it.points() < 1 || it.points() > MAX_POINTS) {
                    out.add(FormProblem.at(ip + ".points", FormRule.ITEM_POINTS, 1, MAX_POINTS));
                } else {
                    total += it.points();
                    scored++;
                }
            }
        }
        if (!ss.isEmpty() && scored == 0 && out.stream().noneMatch(p -> p.rule() == FormRule.ITEM_POINTS)) {
            out.add(FormProblem.at("sections", FormRule.NO_SCORED_ITEM));
        }
        if (commentBelow == null || commentBelow < 0 || commentBelow > total) {
            out.add(FormProblem.at("commentBelow", FormRule.COMMENT_BELOW, 0, total));
        }
        return out;
    }

    /**
     * The form (version 1; the service journals it as the next version of its id), names trimmed,
     * empty ids given. Throws {@link IllegalStateException} when {@link #problems()} is not empty.
     */
    public ScoringForm toForm() {
        List<FormProblem> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalStateException("the form has problems: " + p);
        }
        Set<String> taken = new HashSet<>();
        for (Section s : sections) {
            taken.add(blank(s.id()) ? "" : s.id());
            s.items().forEach(i -> taken.add(blank(i.id()) ? "" : i.id()));
        }
        List<ScoringForm.Section> out = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            Section sec = sections.get(s);
            String sid = blank(sec.id()) ? free(taken, "section-" + (s + 1)) : sec.id();
            List<ScoringForm.Item> items = new ArrayList<>();
            for (int i = 0; i < sec.items().size(); i++) {
                Item it = sec.items().get(i);
                String iid = blank(it.id()) ? free(taken, sid + "." + (i + 1)) : it.id();
                items.add(new ScoringForm.Item(iid, it.nameZh().strip(), en(it.nameEn(), it.nameZh()),
                        it.fatal() ? 0 : it.points(), it.fatal()));
            }
            out.add(new ScoringForm.Section(sid, sec.nameZh().strip(), en(sec.nameEn(), sec.nameZh()), items));
        }
        return new ScoringForm(id, 1, nameZh.strip(), en(nameEn, nameZh), commentBelow, out);
    }

    /** The draft of an existing form (to start editing from it). */
    public static FormDraft of(ScoringForm f) {
        return new FormDraft(f.id(), f.version(), f.nameZh(), f.nameEn(), f.commentBelow(), f.sections().stream()
                .map(s -> new Section(s.id(), s.nameZh(), s.nameEn(), s.items().stream()
                        .map(i -> new Item(i.id(), i.nameZh(), i.nameEn(), i.points(), i.fatal())).toList()))
                .toList());
    }

    /** Checks a text; true when a required one is empty (the caller names the rule). */
    private static boolean text(List<FormProblem> out, String path, String value, boolean required) {
        if (value != null && value.strip().length() > MAX_TEXT) {
            out.add(FormProblem.at(path, FormRule.TOO_LONG, MAX_TEXT));
            return false;
        }
        return required && blank(value);
    }

    private static void id(List<FormProblem> out, String path, String id, Set<String> seen) {
        if (blank(id)) {
            return;
        }
        if (!id.matches(PART_ID)) {
            out.add(FormProblem.at(path, FormRule.ID));
        } else if (!seen.add(id)) {
            out.add(FormProblem.at(path, FormRule.DUPLICATE_ID, id));
        }
    }

    private static String free(Set<String> taken, String wanted) {
        String id = wanted;
        for (int n = 2; taken.contains(id); n++) {
            id = wanted + "-" + n;
        }
        taken.add(id);
        return id;
    }

    private static String en(String en, String zh) {
        return blank(en) ? zh.strip() : en.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
