package io.branchbox.firmware.workorder;

import java.util.Objects;

/**
 * A stage to enter: {@code crew} for {@link Stage#DISPATCH}, {@code outcome} for
 * {@link Stage#CALLBACK}, an optional {@code note}.
 */
public record StageInput(Stage stage, String crew, CallbackOutcome outcome, String note) {
    public StageInput {
        Objects.requireNonNull(stage, "stage");
        crew = crew == null ? "" : crew.strip();
        note = note == null ? "" : note.strip();
    }

    public static StageInput of(Stage stage) {
        return new StageInput(stage, "", null, "");
    }

    public static StageInput dispatch(String crew) {
        return new StageInput(Stage.DISPATCH, crew, null, "");
    }

    public static StageInput callback(CallbackOutcome outcome) {
        return new StageInput(Stage.CALLBACK, "", outcome, "");
    }
}
