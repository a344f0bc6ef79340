package io.branchbox.firmware.qa.form;

import java.time.Instant;
import java.util.Objects;

/**
 * One saved version of a form with who saved it and when (from its {@code qa.form.defined}
 * journal event): the form editor's history, the audit of form changes.
 */
public record FormVersion(ScoringForm form, String by, Instant at) {
    public FormVersion {
        Objects.requireNonNull(form, "form");
    }
}
