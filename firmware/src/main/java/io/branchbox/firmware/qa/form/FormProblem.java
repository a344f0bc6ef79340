package io.branchbox.firmware.qa.form;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a submitted form, at {@code path}: {@code name}, {@code nameEn},
 * {@code commentBelow}, {@code sections}, {@code sections.2.name}, {@code sections.2.items},
 * {@code sections.2.items.0.text}, {@code sections.2.items.0.points} (indexes from 0, in the
 * submitted order). The editor marks the field with that path and shows the rule's sentence.
 */
public record FormProblem(String path, FormRule rule, List<Object> args) {
    public FormProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        args = List.copyOf(args);
    }

    static FormProblem at(String path, FormRule rule, Object... args) {
        return new FormProblem(path, rule, List.of(args));
    }
}
