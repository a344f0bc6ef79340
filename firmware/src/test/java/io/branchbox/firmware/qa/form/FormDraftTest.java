package io.branchbox.firmware.qa.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The form editor's rules: every mistake named at its field; a clean draft is the form. */
class FormDraftTest {
    private static FormDraft factory() {
        return FormDraft.of(FactoryForms.hotline());
    }

    private static FormDraft withSections(FormDraft d, List<FormDraft.Section> sections, Integer commentBelow) {
        return new FormDraft(d.id(), d.version(), d.nameZh(), d.nameEn(), commentBelow, sections);
    }

    @Test
    void theFactoryFormIsADraftWithoutProblemsAndComesBackAsItself() {
        assertEquals(List.of(), factory().problems());
        assertEquals(FactoryForms.hotline(), factory().toForm());
    }

    @Test
    void eachMistakeIsNamedAtItsFieldAndNothingIsMadeFromIt() {
        List<FormDraft.Section> ss = new ArrayList<>(factory().sections());
        FormDraft.Section greeting = ss.get(0);
        ss.set(0, new FormDraft.Section(greeting.id(), " ", "", List.of(
                new FormDraft.Item("", "", "", 5, false),
                new FormDraft.Item("", "报工号", "", 0, false),
                new FormDraft.Item("", "说错了", "", -3, false),
                new FormDraft.Item("", "没填分", "", null, false),
                new FormDraft.Item("", "辱骂", "", 5, true),
                new FormDraft.Item("listening.confirm", "重复的 id", "", 5, false))));
        ss.add(new FormDraft.Section("", "空的分组", "", List.of()));
        FormDraft d = withSections(factory(), ss, 200);
        List<String> found = d.problems().stream().map(p -> p.path() + " " + p.rule()).toList();
        assertEquals(List.of("sections.0.name SECTION_NAME", "sections.0.items.0.text ITEM_TEXT",
                "sections.0.items.1.points ITEM_POINTS", "sections.0.items.2.points ITEM_POINTS",
                "sections.0.items.3.points ITEM_POINTS", "sections.0.items.4.points FATAL_POINTS",
                "sections.1.items.1.text DUPLICATE_ID", "sections.6.items SECTION_ITEMS",
                "commentBelow COMMENT_BELOW"), found);
        assertThrows(IllegalStateException.class, d::toForm);
    }

    @Test
    void aFormOfOnlyFatalItemsHasNothingToScore() {
        FormDraft d = withSections(factory(), List.of(new FormDraft.Section("", "致命", "",
                List.of(new FormDraft.Item("", "辱骂客户", "", 0, true)))), 0);
        assertTrue(d.problems().stream().anyMatch(p -> p.rule() == FormRule.NO_SCORED_ITEM), d.problems().toString());
    }

    @Test
    void newSectionsAndItemsGetIdsNoOtherHasAndAnEmptyEnglishNameIsTheChineseOne() {
        List<FormDraft.Section> ss = new ArrayList<>(factory().sections());
        ss.add(new FormDraft.Section("", "业务办理", "", List.of(new FormDraft.Item("", " 一次办结 ", "", 8, false),
                new FormDraft.Item(null, "推诿客户", null, null, true))));
        ScoringForm f = withSections(factory(), ss, 80).toForm();
        ScoringForm.Section added = f.sections().get(6);
        assertEquals("section-7", added.id());
        assertEquals(List.of("section-7.1", "section-7.2"), added.items().stream().map(ScoringForm.Item::id).toList());
        assertEquals("一次办结", added.items().get(0).nameEn());
        assertEquals(108, f.maxPoints());
        assertTrue(added.items().get(1).fatal());
    }
}
