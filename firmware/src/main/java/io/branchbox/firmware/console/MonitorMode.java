package io.branchbox.firmware.console;

/**
 * How a supervisor joins an agent's call: {@code LISTEN} hears both sides and is heard by nobody,
 * {@code WHISPER} is heard by the agent only, {@code BARGE} joins all three; {@code END} leaves.
 */
public enum MonitorMode { LISTEN, WHISPER, BARGE, END }
