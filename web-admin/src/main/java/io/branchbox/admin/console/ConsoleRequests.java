package io.branchbox.admin.console;

import io.branchbox.admin.http.JsonBodies;
import io.branchbox.admin.http.HttpProblem;
import io.branchbox.firmware.console.MonitorMode;
import io.branchbox.firmware.console.TransferTarget;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The bodies of the console's POST routes and their checks. None of them names the acting agent:
 * that comes from the session. A body with an unknown field (an {@code agentId}, say) is refused
 * whole by {@link JsonBodies}, so a request can never act for somebody else.
 *
 * <p>Every check throws a 400 {@link HttpProblem} naming the field; values are never echoed, since
 * notes and names are customer data.
 */
final class ConsoleRequests {
    static final int MAX_SEAT = 16;
    static final int MAX_NOTES = 2000;
    static final int MAX_CUSTOMER_NAME = 100;
    /** Codes, queue names, agent and call ids: as the configuration's identifiers, with room. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    private static final Pattern NUMBER = Pattern.compile("[0-9*#]{1,32}");
    /** Control characters other than tab, newline and carriage return have no place in notes. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

    private ConsoleRequests() {}

    record Login(Integer seat) {
        int checkedSeat() {
            if (seat == null || seat < 1 || seat > MAX_SEAT) {
                throw bad("console.input.seat", MAX_SEAT);
            }
            return seat;
        }
    }

    record NotReady(String reason) {
        String checkedReason() {
            return identifier(reason, "reason");
        }
    }

    record Transfer(String kind, String name, Boolean attended) {
        TransferTarget checkedTarget() {
            String target = identifier(name, "name");
            String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
            return switch (k) {
                case "agent" -> TransferTarget.agent(target);
                case "queue" -> TransferTarget.queue(target);
                default -> throw bad("console.input.kind");
            };
        }

        boolean isAttended() {
            return Boolean.TRUE.equals(attended);
        }
    }

    record Dial(String number) {
        String checkedNumber() {
            if (number == null || !NUMBER.matcher(number).matches()) {
                throw bad("console.input.number");
            }
            return number;
        }
    }

    record BookCallback(String number, String queue) {
        String checkedNumber() {
            if (number == null || !number.matches("[0-9]{3,32}")) {
                throw bad("console.input.numberLength");
            }
            return number;
        }

        String checkedQueue() {
            return identifier(queue, "queue");
        }
    }

    record WrapUp(String callId, String code, String notes, String customerName) {
        String checkedCallId() {
            return identifier(callId, "callId");
        }

        String checkedCode() {
            return identifier(code, "code");
        }

        String checkedNotes() {
            return text(notes, "notes", MAX_NOTES);
        }

        String checkedCustomerName() {
            String name = text(customerName, "customerName", MAX_CUSTOMER_NAME);
            if (name.contains("\n") || name.contains("\r")) {
                throw bad("console.input.oneLine", "customerName");
            }
            return name.strip();
        }
    }

    record Monitor(String agentId, String mode) {
        String checkedAgentId() {
            return identifier(agentId, "agentId");
        }

        MonitorMode checkedMode() {
            try {
                return MonitorMode.valueOf(mode == null ? "" : mode.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad("console.input.mode");
            }
        }
    }

    static String identifier(String value, String field) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw bad("console.input.code", field);
        }
        return value;
    }

    /** Optional free text: null is "", longer than {@code max} characters or with control characters is refused. */
    static String text(String value, String field, int max) {
        if (value == null) {
            return "";
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw bad("console.input.tooLong", field, max);
        }
        if (CONTROL.matcher(value).find()) {
            throw bad("console.input.control", field);
        }
        return value;
    }

    /** A 400 whose words are the catalogue's {@code key} (console area) with {@code args}, in the user's language. */
    private static HttpProblem bad(String key, Object... args) {
        return HttpProblem.of(400, key, args);
    }
}
