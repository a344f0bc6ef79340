package io.branchbox.time;

/**
 * The name of every thread the box and its test rig start, in one place: the code that starts a
 * thread names it from here, the thread dump and the logs show these names, and
 * docs/ARCHITECTURE.md's thread table lists them (ArchitectureTest checks the box's ones are all
 * there). A name ending in {@code -} is a prefix completed by the instance (a device, a port).
 * Constants only.
 */
public final class ThreadNames {
    // --- the box: the board link (drivers) ---
    /** Reads one board link's serial device; the audio path runs here. Prefix + device name. */
    public static final String CB1_READ = "cb1-read-";
    /** Drains the board link's queue of outgoing frames to the serial device. */
    public static final String CB1_WRITE = "cb1-write";

    // --- the box: firmware ---
    /** Opens the database (H2 and Flyway) at start while the starting thread opens the journal; ends once open. */
    public static final String BOX_START = "box-start";
    /** Protocols, call control, ACD, seats and lamps: every state machine (ExecutorScheduler). */
    public static final String SIGNALLING = "signalling";
    /** Appends and forces journal events, then feeds the projections. */
    public static final String JOURNAL_WRITER = "journal-writer";
    /** Drains the recordings' ring buffers into their WAV files. */
    public static final String RECORDING_WRITER = "recording-writer";
    /** Checksums, coverage and the storage policy of recordings. */
    public static final String RECORDING_MAINTENANCE = "recording-maintenance";
    /** Rebuilds and follows the KPI ledger. */
    public static final String KPI = "kpi";
    /** Reads and decodes a journal for a cold KPI report while the calling thread folds it. */
    public static final String KPI_READ = "kpi-read";
    /** Reads finished recordings for QA's call signals (minimum priority). */
    public static final String QA_SIGNALS = "qa-signals";
    /** QA's hourly sample upkeep. */
    public static final String QA_MAINTENANCE = "qa-maintenance";
    /** Checks that the box's threads live and run their heartbeat. */
    public static final String THREAD_WATCHDOG = "thread-watchdog";
    /** Halts the process if the shutdown hooks of a watchdog exit hang. */
    public static final String WATCHDOG_HALT = "watchdog-halt";
    /** Exports the kept tables after a change. */
    public static final String KEPT_STORE = "kept-store";
    /** The screen pop's earlier calls and prompts recorded by phone. */
    public static final String CONSOLE_HISTORY = "console-history";
    /** Writes an analog line capture's WAV. Prefix + the capture's name. */
    public static final String LINE_CAPTURE = "line-capture-";
    /** The MQTT uplink: connect, outbox, health. */
    public static final String UPLINK = "uplink";

    // --- the box: web admin and appliance ---
    /** The 5 s deadlines of console requests. */
    public static final String CONSOLE_TIMEOUTS = "console-timeouts";
    /** Server-sent events to the open pages. */
    public static final String WEB_PUSH = "web-push";
    /** The daily backup. */
    public static final String BACKUP = "backup";
    /** Feeds systemd's watchdog. */
    public static final String SYSTEMD_WATCHDOG = "systemd-watchdog";
    /** Software updates: download, the health watch of a version on trial, the restart into it. */
    public static final String UPDATE = "update";
    /** Ends the process a second after a factory reset was answered. */
    public static final String FACTORY_RESET = "factory-reset";
    /** Ends the process after a restore so that the service manager restarts the box. */
    public static final String RESTART = "restart";

    // --- the simulated world (test-rig) ---
    /** The board simulator's real-time core (20 ms ticks). */
    public static final String SIM_CORE = "sim-core";
    /** Reads the simulator's end of the pseudo-terminal. Prefix + the pty's name. */
    public static final String SIM_READ = "sim-read-";
    /** The simulated carrier's LAPD and Q.931 on one span. Prefix + span number. */
    public static final String CARRIER_SPAN = "carrier-span";
    /** Simulated agents, callers and seat panel presses. */
    public static final String RIG = "rig";
    /** Benchmarks' own threads. Prefix + what they do. */
    public static final String BENCH = "bench-";

    private ThreadNames() {}
}
