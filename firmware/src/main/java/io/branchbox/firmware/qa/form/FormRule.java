package io.branchbox.firmware.qa.form;

/**
 * What can be wrong with a scoring form the quality staff submit ({@link FormDraft#problems()}).
 * Each rule has a stable catalogue key ({@code qa.formErr.*}, web-admin's {@code qa_*.properties})
 * so the editor shows the sentence in the user's language beside the field it concerns.
 */
public enum FormRule {
    /** The form id is not lower-case letters, digits and '-' (1..40). */
    FORM_ID("qa.formErr.formId"),
    /** The form's Chinese name is empty. */
    NAME_REQUIRED("qa.formErr.name"),
    /** A name or text is longer than {@link FormDraft#MAX_TEXT} characters (arg: the limit). */
    TOO_LONG("qa.formErr.tooLong"),
    /** The form has no section, or more than {@link FormDraft#MAX_SECTIONS} (arg: the limit). */
    SECTIONS("qa.formErr.sections"),
    /** A section's name is empty. */
    SECTION_NAME("qa.formErr.sectionName"),
    /** A section has no item, or more than {@link FormDraft#MAX_ITEMS} (arg: the limit). */
    SECTION_ITEMS("qa.formErr.sectionItems"),
    /** An item's text is empty. */
    ITEM_TEXT("qa.formErr.itemText"),
    /** A scored item's points are missing or outside 1..{@link FormDraft#MAX_POINTS} (args: 1, the limit). */
    ITEM_POINTS("qa.formErr.itemPoints"),
    /** A fatal item carries points (it has none: marking it zeroes the score). */
    FATAL_POINTS("qa.formErr.fatalPoints"),
    /** A section or item id is not lower-case letters, digits, '.', '_' or '-' (1..40). */
    ID("qa.formErr.id"),
    /** Two sections or two items share an id (arg: the id). */
    DUPLICATE_ID("qa.formErr.duplicateId"),
    /** Every item is fatal: there is nothing to score. */
    NO_SCORED_ITEM("qa.formErr.noScoredItem"),
    /** The comment threshold is missing or outside 0..the form's total (args: 0, the total). */
    COMMENT_BELOW("qa.formErr.commentBelow");

    private final String key;

    FormRule(String key) {
        this.key = key;
    }

    /** The catalogue key of the sentence. */
    public String key() {
        return key;
    }
}
