package io.branchbox.firmware.console;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why a console action was refused: the one closed vocabulary of {@link ConsoleException}. Each
 * reason has a stable wire code ({@link #code()}: the JSON the pages get, and the key
 * {@code console.refused.<code>} of the web admin's catalogues), so renaming a constant changes
 * nothing a page or a client sees.
 */
public enum Refusal {
    /** The web user is linked to no configured agent, or the agent is not logged in. */
    NOT_LOGGED_IN("not-logged-in"),
    /** There is no call to act on. */
    NO_CALL("no-call"),
    /** The seat is taken by another agent. */
    SEAT_TAKEN("seat-taken"),
    /** The agent (or the target) is busy: not now. */
    BUSY("busy"),
    /** A code (not-ready reason, wrap-up, queue) that the document does not have. */
    BAD_CODE("bad-code"),
    /** Not a number the box can dial. */
    BAD_NUMBER("bad-number"),
    /** No configured agent by that id. */
    NO_SUCH_AGENT("no-such-agent"),
    /** No configured queue by that name. */
    NO_SUCH_QUEUE("no-such-queue"),
    /** Not possible in the current state of the agent or the call. */
    WRONG_STATE("wrong-state"),
    /** The agent is not at a seat. */
    NO_SEAT("no-seat"),
    /** Nothing to act on (an empty list). */
    EMPTY("empty"),
    /** The function is not available on this box now. */
    UNAVAILABLE("unavailable");

    private static final Map<String, Refusal> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Refusal::code, Function.identity()));

    private final String code;

    Refusal(String code) {
        this.code = code;
    }

    /** The stable wire code, e.g. {@code no-call}. */
    public String code() {
        return code;
    }

    /** The reason whose wire code is {@code code}; an unknown code is a programming error. */
    public static Refusal ofCode(String code) {
        Refusal r = BY_CODE.get(code);
        if (r == null) {
            throw new IllegalArgumentException("not a console refusal code: " + code);
        }
        return r;
    }
}
