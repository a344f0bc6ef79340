package io.branchbox.admin.config;

import io.branchbox.firmware.config.BoxConfig;

/**
 * The uplink page's "test connection": tries the settings on the form (not yet saved) against the
 * broker once and says what happened, without disturbing the running uplink.
 */
@FunctionalInterface
public interface UplinkTester {
    /** A test that is not available on this box. */
    UplinkTester NONE = u -> new Result(false, "config.uplink.unavailable", "");

    /**
     * @param ok     whether the broker accepted the connection
     * @param code   a catalogue key for the outcome ({@code config.uplink.ok}, …)
     * @param detail a short technical detail (host, port, cause), never a secret
     */
    record Result(boolean ok, String code, String detail) {}

    /** Tries {@code uplink} once; bounded by a few seconds; called on a web worker thread. */
    Result test(BoxConfig.Uplink uplink);
}
