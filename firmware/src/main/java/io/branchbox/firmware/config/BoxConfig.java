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
        Outbound outbound) {

    /** The document format this firmware reads and writes. */
    public static final int SCHEMA = 1;

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

    /** An agent who can log in; {@code seat} is the default seat (1..16), 0 for none. */
    public record Agent(String id, String name, int seat, List<String> queues) {
        public Agent {
            queues = List.copyOf(queues);
        }
    }

    /**
     * An ACD queue. A call that has waited {@code maxWaitS} moves to {@code overflowQueue}
     * keeping its waiting time ("" for none: the caller keeps waiting, never dropped).
     */
    public record Queue(String name, Strategy strategy, int offerTimeoutS, int wrapUpS, int maxWaitS,
            String overflowQueue) {}

    public enum Strategy { LONGEST_IDLE, ROUND_ROBIN, FEWEST_CALLS }

    /**
     * The entry IVR: the greeting prompt and which queue a dialled number leads to
     * ({@code defaultQueue} for numbers not listed); {@code surveyPrompt} is played to the caller
     * when the agent hangs up, asking for a rating by key ("" for no survey).
     */
    public record Ivr(String greetingPrompt, String defaultQueue, Map<String, String> numberToQueue,
            String surveyPrompt) {
        public Ivr {
            numberToQueue = Map.copyOf(numberToQueue);
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
}
