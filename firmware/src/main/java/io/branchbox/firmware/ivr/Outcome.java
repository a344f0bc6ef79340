package io.branchbox.firmware.ivr;

import io.branchbox.firmware.config.BoxConfig;
import java.util.Objects;

/**
 * Where a caller's way through the IVR menus ended: the final step (never
 * {@link BoxConfig.StepAction#MENU}) and the priority the path earned, the highest priority of all
 * steps taken on the way (0..9). Combine it with the caller's own priority by taking the larger.
 */
public record Outcome(BoxConfig.Step step, int priority) {
    public Outcome {
        Objects.requireNonNull(step, "step");
        if (step.action() == BoxConfig.StepAction.MENU) {
            throw new IllegalArgumentException("an outcome leaves the menus: " + step);
        }
    }
}
