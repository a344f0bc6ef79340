package io.branchbox.firmware.config;

import java.util.List;
import java.util.Map;

/**
 * The box's one configuration document: everything a technician sets, in one versioned,
 * validated value. The web admin edits it, provisioning imports it, and the runtime applies it.
 *
 * <p>Immutable. {@code schema} is the document format (bumped when fields change meaning);
 * {@code revision} counts saved edits so two editors cannot overwrite each other unnoticed.
 * Read with {@link ConfigDocuments}, check with {@link ConfigValidator}: a document is only ever
 * applied whole and valid.
 */
public record BoxConfig(
        int schema,
        long revision,
        Site site,
        Board board,
        Pins pins,
        List<Span> spans,
        List<Agent> agents,
        List<Queue> queues,
        Ivr ivr,
        Recording recording,
        Uplink uplink,
        Web web,
        List<FxoPort> fxo,
        Outbound outbound,
        Hours hours,
        Console console,
        Appliance appliance) {

    /** The document format this firmware reads and writes; older ones are upgraded by {@link ConfigMigrations}. */
    public static final int SCHEMA = 3;

    public BoxConfig {
        spans = List.copyOf(spans);
        agents = List.copyOf(agents);
        queues = List.copyOf(queues);
        fxo = List.copyOf(fxo);
    }

    /** Where the box is: identifiers the central office sees, and the local time zone. */
    public record Site(String siteId, String boxId, String name, String timezone) {}

    /** The CB-1 link: the device path (/dev/ttyACM0 on USB, /dev/ttyAMA0 on the header UART). */
    public record Board(String device, int baud, boolean rtsCts) {}

    /**
     * The header pin and I2C map (BCM numbering). Kept in configuration because another board
     * revision may move them.
     */
    public record Pins(
            int boardReset,
            int boardPresent,
            int pwrLed,
            int trunkLed,
            int uplinkLed,
            int recLed,
            int factoryButton,
            int i2cBus,
            List<SeatExpander> seatExpanders) {
        public Pins {
            seatExpanders = List.copyOf(seatExpanders);
        }
    }

    /** One MCP23017 with four seats: its I2C address and the GPIO its INT line is wired to. */
    public record SeatExpander(int address, int intPin) {}

    /** An E1 span carrying ISDN PRI. */
    public record Span(int span, boolean enabled, Framing framing, ClockSource clock) {}

    public enum Framing { CRC4, NO_CRC4 }

    public enum ClockSource { LINE, INTERNAL }

    /**
     * An agent who can log in; {@code seat} is the default seat (1..16), 0 for none. {@code skills}
     * maps a skill name to the agent's level in it, 1 (novice) to 5 (expert); see {@link Queue#skill}.
     */
    public record Agent(String id, String name, int seat, List<String> queues, Map<String, Integer> skills) {
        public Agent {
            queues = List.copyOf(queues);
            skills = Map.copyOf(skills);
        }

        /** An agent without skills: takes every call of their queues. */
        public Agent(String id, String name, int seat, List<String> queues) {
            this(id, name, seat, queues, Map.of());
        }
    }

    /**
     * An ACD queue.
     *
     * <ul>
     *   <li>{@code offerTimeoutS}: ring-no-answer at a seat (12 s = three rings of the seat's 4 s
     *       cadence, the branch's answer-speed rule); the call is offered to the next agent.
     *   <li>{@code maxWaitS}, {@code overflow}, {@code overflowQueue}: what happens to a caller who
     *       has waited {@code maxWaitS}: {@code NONE} keeps waiting (never dropped), {@code QUEUE}
     *       moves to {@code overflowQueue} keeping the waiting time, {@code VOICEMAIL} leaves a
     *       message, {@code CALLBACK} books a callback that keeps the caller's place.
     *   <li>{@code maxLength}: callers waiting at most (0: no limit); the next caller gets the
     *       overflow treatment at once.
     *   <li>{@code skill}: "" for none; otherwise only agents with that skill take the calls, the
     *       most skilled first: at first only level 5, one level lower every {@code widenEveryS}
     *       seconds of waiting (0: all levels at once), the caller keeping their place.
     *   <li>{@code announceEveryS}: position and expected wait told to a waiting caller this often
     *       (0: never).
     * </ul>
     */
    public record Queue(String name, Strategy strategy, int offerTimeoutS, int wrapUpS, int maxWaitS,
            String overflowQueue, Overflow overflow, int maxLength, String skill, int widenEveryS,
            int announceEveryS) {

        /** A queue without skills, length limit or announcements; overflow to {@code overflowQueue} if set. */
        public Queue(String name, Strategy strategy, int offerTimeoutS, int wrapUpS, int maxWaitS, String overflowQueue) {
            this(name, strategy, offerTimeoutS, wrapUpS, maxWaitS, overflowQueue,
                    overflowQueue.isEmpty() ? Overflow.NONE : Overflow.QUEUE, 0, "", 0, 0);
        }
    }

    /** What a queue does with a caller who waited too long or found it full. */
    public enum Overflow { NONE, QUEUE, VOICEMAIL, CALLBACK }

    public enum Strategy { LONGEST_IDLE, ROUND_ROBIN, FEWEST_CALLS }

    /**
     * The entry IVR. The caller hears {@code greetingPrompt}, then the menu {@code entryMenu}
     * ("" for none: straight to the queue), and is queued in the queue the menu chose, else the
     * queue of the dialled number ({@code numberToQueue}), else {@code defaultQueue}.
     * {@code surveyPrompt} is played to the caller when the agent hangs up, asking for a rating by
     * key ("" for no survey). {@code priorityCallers} maps a caller's number to a priority 1..9
     * (higher is served first; everybody else has 0). {@code promptSet} names the prompt set in use
     * ("default" is built in; others are uploaded in the web admin).
     */
    public record Ivr(String greetingPrompt, String defaultQueue, Map<String, String> numberToQueue,
            String surveyPrompt, String entryMenu, List<Menu> menus, Map<String, Integer> priorityCallers,
            String promptSet) {
        public Ivr {
            numberToQueue = Map.copyOf(numberToQueue);
            menus = List.copyOf(menus);
            priorityCallers = Map.copyOf(priorityCallers);
        }

        /** An IVR without menus: greeting, then the dialled number's queue. */
        public Ivr(String greetingPrompt, String defaultQueue, Map<String, String> numberToQueue, String surveyPrompt) {
            this(greetingPrompt, defaultQueue, numberToQueue, surveyPrompt, "", List.of(), Map.of(), "default");
        }
    }

    /**
     * One IVR menu: {@code prompt} is played, then the caller has {@code timeoutS} to press a key.
     * A key in {@code choices} takes its step; another key plays {@code invalidPrompt}; both count
     * as a try, and after {@code retries} more tries the caller takes {@code fallback} (usually a
     * queue: nobody is dropped for not pressing keys).
     */
    public record Menu(String name, String prompt, int timeoutS, int retries, String invalidPrompt,
            Map<String, Step> choices, Step fallback) {
        public Menu {
            choices = Map.copyOf(choices);
        }
    }

    /**
     * Where an IVR choice leads: {@code MENU} (target: menu name), {@code QUEUE} (target: queue
     * name, with the caller's {@code priority} raised to at least the given value),
     * {@code VOICEMAIL} and {@code CALLBACK} (target: the queue the message or callback belongs
     * to), {@code FORWARD} (target: a number dialled on a trunk), {@code HANGUP} (target: a prompt
     * played first, or "").
     */
    public record Step(StepAction action, String target, int priority) {}

    public enum StepAction { MENU, QUEUE, VOICEMAIL, CALLBACK, FORWARD, HANGUP }

    /**
     * Business hours in the site's time zone. {@code weekly} lists the open periods (empty: always
     * open); {@code holidays} are closed all day; {@code workdays} are dates ("2026-10-10") that
     * keep Monday's hours although they fall on a weekend (China moves working days around public
     * holidays). Outside hours callers get {@code night}.
     */
    public record Hours(List<OpenPeriod> weekly, List<Holiday> holidays, List<String> workdays, NightService night) {
        public Hours {
            weekly = List.copyOf(weekly);
            holidays = List.copyOf(holidays);
            workdays = List.copyOf(workdays);
        }
    }

    /** Open on each of {@code days} (MONDAY..SUNDAY) from {@code open} to {@code close} ("08:30", "22:00"; "24:00" for midnight). */
    public record OpenPeriod(List<java.time.DayOfWeek> days, String open, String close) {
        public OpenPeriod {
            days = List.copyOf(days);
        }
    }

    /** A closed day, "2026-10-01", with a name for the technician. */
    public record Holiday(String date, String name) {}

    /**
     * Night service: {@code MESSAGE} plays {@code prompt} and hangs up, {@code CALLBACK} plays it
     * and books a callback for the next open period, {@code VOICEMAIL} plays it and records a
     * message, {@code FORWARD} dials {@code forwardNumber} (the on-duty phone) on a trunk and
     * connects the caller to it.
     */
    public record NightService(NightAction action, String prompt, String forwardNumber, String queue) {}

    public enum NightAction { MESSAGE, CALLBACK, VOICEMAIL, FORWARD }

    /**
     * The agents' working rules. An agent who misses {@code missedOffersToNotReady} offers in a
     * row is set not ready. {@code notReadyReasons} are the codes an agent picks when going busy
     * (示忙); {@code wrapUpCodes} classify a finished call. A callback is dialled up to
     * {@code callbackAttempts} times, {@code callbackRetryS} apart.
     */
    public record Console(int missedOffersToNotReady, List<String> notReadyReasons, List<String> wrapUpCodes,
            int callbackAttempts, int callbackRetryS) {
        public Console {
            notReadyReasons = List.copyOf(notReadyReasons);
            wrapUpCodes = List.copyOf(wrapUpCodes);
        }
    }

    /** Recording storage: a directory relative to the data directory unless absolute. */
    public record Recording(String directory, int retentionDays, boolean recordIvr) {}

    /**
     * The central-office link. {@code passwordFile} names a file holding the MQTT password so the
     * secret never sits in the document (and never reaches a log or an export). {@code caFile},
     * {@code clientCertFile} and {@code clientKeyFile} are PEM files for an {@code ssl://} broker
     * ("" for none: the JVM's trust store verifies the server, no client certificate).
     * {@code commandKeyFile} holds the per-box HMAC key that central-office commands must be
     * signed with; "" (the default) means the box accepts no commands at all.
     */
    public record Uplink(
            boolean enabled,
            MqttProtocol protocol,
            String serverUri,
            String username,
            String passwordFile,
            String topicPrefix,
            int healthIntervalS,
            int figuresIntervalS,
            String caFile,
            String clientCertFile,
            String clientKeyFile,
            String commandKeyFile) {}

    /** MQTT 5 by default; 3.1.1 for brokers that lack 5. */
    public enum MqttProtocol { MQTT_5, MQTT_3_1_1 }

    /**
     * An analog line from the local exchange on an FXO port (0..7): answered after
     * {@code ringsToAnswer} rings, with caller ID as the exchange sends it (China: FSK Bell 202
     * between the first and second ring; some exchanges DTMF before the first ring).
     */
    public record FxoPort(int port, boolean enabled, int ringsToAnswer, CallerId callerId) {}

    public enum CallerId { NONE, FSK_BELL_202, FSK_V23, DTMF }

    /**
     * How the box places calls on the PRI: spans in {@code spanOrder} (empty: all, ascending),
     * channels hunted {@code HIGHEST_FIRST} or {@code LOWEST_FIRST} and asked for as
     * {@code PREFERRED}, {@code EXCLUSIVE} or {@code NETWORK_CHOOSES}; on causes 34/41/42/44 or no
     * answer to SETUP another channel, then another span, up to the attempt limits, within
     * {@code deadlineS} from dialling to answer.
     */
    public record Outbound(List<Integer> spanOrder, String channelOrder, String channelMode, int maxAttempts,
            int maxAttemptsPerSpan, int deadlineS) {
        public Outbound {
            spanOrder = List.copyOf(spanOrder);
        }
    }

    /** The web admin's listener. */
    public record Web(String bind, int port) {}

    /**
     * The appliance's own housekeeping (schema 3): the scheduled backup, and where first boot looks
     * for a provisioning file ({@code provisioningDirs}: absolute directories, e.g.
     * {@code /boot/branchbox} and a USB stick's mount point; the first {@code box.json} found wins).
     */
    public record Appliance(Backup backup, List<String> provisioningDirs) {
        public Appliance {
            provisioningDirs = provisioningDirs == null ? List.of() : List.copyOf(provisioningDirs);
        }
    }

    /**
     * A backup every day at {@code hour} o'clock (site time) into {@code directory} (relative to
     * the data directory, or absolute: a mounted USB disk), keeping the newest {@code keep} files;
     * {@code recordings}: whether they go in too.
     */
    public record Backup(boolean enabled, int hour, int keep, String directory, boolean recordings) {}

    public BoxConfig withAppliance(Appliance a) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, a);
    }

    public BoxConfig withRevision(long r) {
        return new BoxConfig(schema, r, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance);
    }

    public BoxConfig withSite(Site s) {
        return new BoxConfig(schema, revision, s, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance);
    }

    public BoxConfig withBoard(Board b) {
        return new BoxConfig(schema, revision, site, b, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance);
    }

    public BoxConfig withWeb(Web w) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, w, fxo,
                outbound, hours, console, appliance);
    }

    public BoxConfig withAgents(List<Agent> a) {
        return new BoxConfig(schema, revision, site, board, pins, spans, a, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance);
    }

    public BoxConfig withQueues(List<Queue> q) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, q, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance);
    }

    public BoxConfig withIvr(Ivr i) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, i, recording, uplink, web, fxo,
                outbound, hours, console, appliance);
    }

    public BoxConfig withRecording(Recording r) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, r, uplink, web, fxo,
                outbound, hours, console, appliance);
    }

    public BoxConfig withUplink(Uplink u) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, u, web, fxo,
                outbound, hours, console, appliance);
    }

    public BoxConfig withFxo(List<FxoPort> f) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, f,
                outbound, hours, console, appliance);
    }

    public BoxConfig withHours(Hours h) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, h, console, appliance);
    }

    public BoxConfig withConsole(Console c) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, c, appliance);
    }
}
