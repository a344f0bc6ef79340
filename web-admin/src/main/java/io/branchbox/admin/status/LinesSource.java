package io.branchbox.admin.status;

/** Where the lines view comes from (the running box); must not block. */
@FunctionalInterface
public interface LinesSource {
    LinesView lines();
}
