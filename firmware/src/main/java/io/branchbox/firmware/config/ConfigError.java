package io.branchbox.firmware.config;

/** One problem in a configuration document: where ({@code path}, e.g. "queues[1].wrapUpS") and why. */
public record ConfigError(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
