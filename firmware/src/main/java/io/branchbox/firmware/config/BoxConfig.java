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
        Appliance appliance,
        List<Shift> shifts,
        Qa qa,
        WorkOrders workOrders,
        Kpi kpi) {

    /** The document format this firmware reads and writes; older ones are upgraded by {@link ConfigMigrations}. */
    public static final int SCHEMA = 3;

    public BoxConfig {
        spans = List.copyOf(spans);
        agents = List.copyOf(agents);
        queues = List.copyOf(queues);
        fxo = List.copyOf(fxo);
        // a schema-3 document written before shifts and QA existed reads as the factory values
        shifts = shifts == null ? ConfigDocuments.defaultShifts() : List.copyOf(shifts);
        qa = qa == null ? ConfigDocuments.defaultQa() : qa;
        // ... and one written before work orders existed reads as the factory work-order settings
        workOrders = workOrders == null ? ConfigDocuments.defaultWorkOrders() : workOrders;
        // ... and one written before the service-figure settings existed reads as the factory ones
        kpi = kpi == null ? ConfigDocuments.defaultKpi() : kpi;
    }

    /** A document with the factory service-figure settings (for callers that predate them). */
    public BoxConfig(int schema, long revision, Site site, Board board, Pins pins, List<Span> spans,
            List<Agent> agents, List<Queue> queues, Ivr ivr, Recording recording, Uplink uplink, Web web,
            List<FxoPort> fxo, Outbound outbound, Hours hours, Console console, Appliance appliance,
            List<Shift> shifts, Qa qa, WorkOrders workOrders) {
        this(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo, outbound,
                hours, console, appliance, shifts, qa, workOrders, null);
    }

    /** A document with the factory appliance, shifts, QA and work-order settings (for callers that predate them). */
    public BoxConfig(int schema, long revision, Site site, Board board, Pins pins, List<Span> spans,
            List<Agent> agents, List<Queue> queues, Ivr ivr, Recording recording, Uplink uplink, Web web,
            List<FxoPort> fxo, Outbound outbound, Hours hours, Console console) {
        this(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo, outbound,
                hours, console, ConfigDocuments.defaultAppliance(), null, null, null, null);
    }

    /** A document with the factory shifts, QA and work-order settings (for callers that predate them). */
    public BoxConfig(int schema, long revision, Site site, Board board, Pins pins, List<Span> spans,
            List<Agent> agents, List<Queue> queues, Ivr ivr, Recording recording, Uplink uplink, Web web,
            List<FxoPort> fxo, Outbound outbound, Hours hours, Console console, Appliance appliance) {
        this(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo, outbound,
                hours, console, appliance, null, null, null, null);
    }

    /** A document with the factory work-order settings (for callers that predate them). */
    public BoxConfig(int schema, long revision, Site site, Board board, Pins pins, List<Span> spans,
            List<Agent> agents, List<Queue> queues, Ivr ivr, Recording recording, Uplink uplink, Web web,
            List<FxoPort> fxo, Outbound outbound, Hours hours, Console console, List<Shift> shifts, Qa qa) {
        this(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo, outbound,
                hours, console, ConfigDocuments.defaultAppliance(), shifts, qa, null, null);
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

    /**
     * An E1 span carrying ISDN PRI. {@code restartOnLinkUp}: whether the box restarts the idle
     * B-channels each time the D-channel comes up ({@code ALL_IDLE}, the standard's practice) or
     * never ({@code NONE}, for networks that ignore a user-side RESTART). {@code t316S}: how long
     * (s) the box waits for RESTART ACKNOWLEDGE before resending (twice) and then raising
     * {@code E1_SPAN<n>_RESTART_UNACKNOWLEDGED}; EN 300 403 says 120.
     */
    public record Span(int span, boolean enabled, Framing framing, ClockSource clock, RestartOnLinkUp restartOnLinkUp,
            int t316S) {
        /** The standard's practice: all idle channels restarted at link-up, T316 120 s. */
        public static final int DEFAULT_T316_S = 120;

        /** A span with RESTART of all idle channels at link-up and the standard T316. */
        public Span(int span, boolean enabled, Framing framing, ClockSource clock) {
            this(span, enabled, framing, clock, RestartOnLinkUp.ALL_IDLE, DEFAULT_T316_S);
        }
    }

    /** Which B-channels a span restarts when its D-channel comes up. */
    public enum RestartOnLinkUp { ALL_IDLE, NONE }

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

    /**
     * Recording storage: a directory relative to the data directory unless absolute.
     * {@code diskReserveMiB}: the last part of the data disk that recordings may never use, so the
     * database and the journal can always write and the box can always start (read at start; the
     * environment's {@code BOX_DISK_RESERVE_MIB} overrides it, see docs/RELIABILITY.md).
     */
    public record Recording(String directory, int retentionDays, boolean recordIvr, int diskReserveMiB) {
        /** The factory disk reserve: room for the database, the journal and a day of events. */
        public static final int DEFAULT_DISK_RESERVE_MIB = 256;
        /** The largest reserve the validator accepts (64 GiB). */
        public static final int MAX_DISK_RESERVE_MIB = 65_536;

        /** With the factory disk reserve (for callers that predate it). */
        public Recording(String directory, int retentionDays, boolean recordIvr) {
            this(directory, retentionDays, recordIvr, DEFAULT_DISK_RESERVE_MIB);
        }
    }

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
    public record FxoPort(int port, boolean enabled, int ringsToAnswer, CallerId callerId, FxoSupervision supervision) {
        /** With the supervision of a Chinese exchange line ({@link FxoSupervision#CHINA}). */
        public FxoPort(int port, boolean enabled, int ringsToAnswer, CallerId callerId) {
            this(port, enabled, ringsToAnswer, callerId, FxoSupervision.CHINA);
        }
    }

    /**
     * How the exchange signals on an analog line (schema 3). {@code polarityReversal}: it reverses
     * the line's polarity when the called party answers, so an outgoing call is answered then and
     * fails as unanswered after {@code answerTimeoutS}; without it an outgoing call that heard no
     * busy, congestion or vacant tone for {@code answerTimeoutS} counts as answered.
     * {@code disconnectToneMs}: how long a busy or congestion tone must go on before the box hangs
     * up (for exchanges that keep loop current after the far end hangs up). Loop-current loss and a
     * polarity reversal during a call always end it.
     */
    public record FxoSupervision(boolean polarityReversal, int answerTimeoutS, int disconnectToneMs) {
        /** A Chinese exchange line: polarity reversal on answer, 30 s to answer, 2.1 s of busy tone. */
        public static final FxoSupervision CHINA = new FxoSupervision(true, 30, 2100);
    }

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

    /**
     * The web admin's listener: plain HTTP on {@code port}, and HTTPS as {@code https} says.
     * The two-argument form is the factory HTTPS for that port ({@link Https#factory}).
     */
    public record Web(String bind, int port, Https https) {
        public Web(String bind, int port) {
            this(bind, port, Https.factory(port));
        }

        public Web withPort(int p) {
            return new Web(bind, p, https);
        }
    }

    /**
     * The web admin's HTTPS (schema 3): on or off ({@code enabled}; off is a choice, e.g. behind a
     * TLS proxy), its {@code port}, whether plain HTTP answers only with a redirect to it
     * ({@code redirectHttp}), and which {@code certificate} it presents: the box's own, made at
     * first start, or one a technician uploaded. Applied after a restart.
     */
    public record Https(boolean enabled, int port, boolean redirectHttp, CertificateSource certificate) {
        /** On, on the web port + 363 (8080 → 8443, 80 → 443; 0 stays 0), redirecting HTTP, the box's own certificate. */
        public static Https factory(int webPort) {
            return new Https(true, webPort == 0 ? 0 : webPort + 363, true, CertificateSource.BOX);
        }
    }

    /** Where the HTTPS certificate comes from. */
    public enum CertificateSource {
        /** The box's own, self-signed, made at first start. */
        BOX,
        /** One uploaded on the web admin (PKCS#12 with its key), e.g. signed by the county's CA. */
        UPLOADED
    }

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
                outbound, hours, console, a, shifts, qa, workOrders, kpi);
    }

    /**
     * One shift of the branch's rota, the ONE definition of shifts for every area (QA sampling,
     * KPIs per shift, work-order escalation and handovers). {@code start} and {@code end} are local
     * times {@code "HH:mm"} in the site's zone; an {@code end} not after {@code start} crosses
     * midnight (a night shift 22:00–08:30 belongs to the day it starts, and runs on the days its
     * start day is in {@code days}). Main shifts running on the same day must not overlap; a
     * {@code cover} shift (lunch cover) overlaps them on purpose and never owns a call (QA and KPIs
     * count the main shift). Use {@code ShiftCalendar} ({@code config.ShiftCalendar}) to find the
     * shift(s) of an instant.
     *
     * @param id       short identifier ({@code morning}), used in events and reports
     * @param name     what people call it (早班)
     * @param start    local start time, inclusive
     * @param end      local end time, exclusive
     * @param days     the days it runs: weekdays, and {@code HOLIDAY} for the public holidays of
     *                 {@code hours.holidays} (a holiday runs only the shifts that list it; a make-up
     *                 workday of {@code hours.workdays} runs the shifts of a Monday)
     * @param cover    a cover shift (lunch cover) that overlaps main shifts
     * @param rotation who leads each occurrence when the lead rotates (nights, weekends); no leads
     *                 there: the standing lead of {@code workOrders.leads}
     */
    public record Shift(String id, String name, String start, String end, List<ShiftDays> days, boolean cover,
            Rotation rotation) {
        public Shift {
            days = List.copyOf(days);
        }

        /** A main shift running every day and on holidays, led by its standing lead. */
        public Shift(String id, String name, String start, String end) {
            this(id, name, start, end, List.of(ShiftDays.values()), false, Rotation.NONE);
        }
    }

    /** A day a shift runs on: a weekday, or a public holiday of {@code hours.holidays}. */
    public enum ShiftDays { MON, TUE, WED, THU, FRI, SAT, SUN, HOLIDAY }

    /**
     * A rotating lead: occurrence {@code n} periods of {@code everyDays} after {@code from} (a date
     * {@code yyyy-MM-dd}, the first period's first day) is led by {@code leads[n mod size]}, so
     * nights and weekends go round the leads week by week.
     */
    public record Rotation(String from, int everyDays, List<String> leads) {
        /** No rotation: the shift's standing lead. */
        public static final Rotation NONE = new Rotation("", 0, List.of());

        public Rotation {
            leads = List.copyOf(leads);
        }
    }

    /**
     * Quality monitoring. {@code samplePercent} of agent-answered calls are sampled (the brief:
     * 5 %), at least {@code minPerAgentShift} per agent and shift worked and
     * {@code minPerAgentMonth} per agent and month. A scored call's recording is kept {@code keepDays}
     * (at least 183, never shorter than the recordings unless on legal hold). A call of
     * {@code longCallS} or more is "long" for targeted samples; under {@code shortCallS} "very short".
     */
    public record Qa(double samplePercent, int minPerAgentShift, int minPerAgentMonth, int keepDays,
            int longCallS, int shortCallS) {}

    public BoxConfig withShifts(List<Shift> s) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance, s, qa, workOrders, kpi);
    }

    public BoxConfig withQa(Qa q) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance, shifts, q, workOrders, kpi);
    }

    public BoxConfig withRevision(long r) {
        return new BoxConfig(schema, r, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance, shifts, qa, workOrders, kpi);
    }

    public BoxConfig withSite(Site s) {
        return new BoxConfig(schema, revision, s, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance, shifts, qa, workOrders, kpi);
    }

    public BoxConfig withBoard(Board b) {
        return new BoxConfig(schema, revision, site, b, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance, shifts, qa, workOrders, kpi);
    }

    public BoxConfig withWeb(Web w) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, w, fxo,
                outbound, hours, console, appliance, shifts, qa, workOrders, kpi);
    }

    public BoxConfig withAgents(List<Agent> a) {
        return new BoxConfig(schema, revision, site, board, pins, spans, a, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance, shifts, qa, workOrders, kpi);
    }

    public BoxConfig withQueues(List<Queue> q) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, q, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance, shifts, qa, workOrders, kpi);
    }

    public BoxConfig withIvr(Ivr i) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, i, recording, uplink, web, fxo,
                outbound, hours, console, appliance, shifts, qa, workOrders, kpi);
    }

    public BoxConfig withRecording(Recording r) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, r, uplink, web, fxo,
                outbound, hours, console, appliance, shifts, qa, workOrders, kpi);
    }

    public BoxConfig withUplink(Uplink u) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, u, web, fxo,
                outbound, hours, console, appliance, shifts, qa, workOrders, kpi);
    }

    public BoxConfig withSpans(List<Span> s) {
        return new BoxConfig(schema, revision, site, board, pins, s, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance);
    }

    public BoxConfig withFxo(List<FxoPort> f) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, f,
                outbound, hours, console, appliance, shifts, qa, workOrders, kpi);
    }

    public BoxConfig withHours(Hours h) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, h, console, appliance, shifts, qa, workOrders, kpi);
    }

    public BoxConfig withConsole(Console c) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, c, appliance, shifts, qa, workOrders, kpi);
    }

    /**
     * Work orders (docs/WORKORDERS.md): the deadlines per kind and stage, the repair crews who
     * report by phone, the lead of each shift of {@link #shifts} (late stages escalate to them,
     * they write and acknowledge handovers), and how a crew reaches the crew IVR.
     *
     * @param crewPinFile  the file (relative to the data directory) of the crews' PINs, one
     *                     {@code <crew id>=<PIN>} a line: secrets never sit in the document
     * @param crewNumber   a dialled number (DNIS) that goes straight to the crew IVR; empty for none
     * @param crewMenuCode a key of the IVR's entry menu that leads to the crew IVR; empty for none
     */
    public record WorkOrders(WorkOrderDeadlines deadlines, List<Crew> crews, List<ShiftLead> leads,
            String crewPinFile, String crewNumber, String crewMenuCode) {
        public WorkOrders {
            crews = List.copyOf(crews);
            leads = List.copyOf(leads);
        }
    }

    /**
     * Deadlines in minutes or hours from the stage before: repair dispatch after acceptance,
     * arrival after dispatch (town / rural), callback after completion; complaint assignment
     * after acceptance, feedback to the customer after acceptance; inquiry passed to a department
     * after acceptance, callback after the answer came; case registration after the call ended
     * (a later acceptance is flagged as case lag); a voicemail message handled after it was left.
     */
    public record WorkOrderDeadlines(int dispatchMin, int arrivalTownMin, int arrivalRuralMin, int repairCallbackH,
            int complaintAssignMin, int complaintFeedbackH, int inquiryPassMin, int inquiryCallbackH,
            int caseRegistrationMin, int voicemailMin) {}

    /** A repair crew: its id (digits, keyed on the phone) and its name; its PIN is in {@link WorkOrders#crewPinFile}. */
    public record Crew(String id, String name) {}

    /** The lead (an agent id) of the shift with id {@code shift}. */
    public record ShiftLead(String shift, String agent) {}

    public BoxConfig withWorkOrders(WorkOrders w) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance, shifts, qa, w, kpi);
    }

    public BoxConfig withKpi(Kpi k) {
        return new BoxConfig(schema, revision, site, board, pins, spans, agents, queues, ivr, recording, uplink, web, fxo,
                outbound, hours, console, appliance, shifts, qa, workOrders, k);
    }

    /**
     * The service figures' settings (see docs/KPIS.md). The service level counts calls answered
     * within {@code serviceLevelS} seconds of reaching a queue, against a target of
     * {@code serviceLevelTargetPercent}. Reports by shift use the document's one rota,
     * {@link #shifts}.
     */
    public record Kpi(int serviceLevelS, int serviceLevelTargetPercent) {}
}
