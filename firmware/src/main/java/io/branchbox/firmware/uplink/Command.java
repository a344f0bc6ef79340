package io.branchbox.firmware.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A command from the office whose HMAC, target, age and id were checked by {@link CommandGate}.
 *
 * @param id   the office's id for the command, echoed in the reply; never used twice
 * @param ts   when the office made the command
 * @param cmd  the command name ({@code health}, {@code capture}, {@code config})
 * @param args the command's arguments, a JSON object (possibly empty); not to be modified
 */
public record Command(String id, Instant ts, String cmd, ObjectNode args) {}
