package io.branchbox.firmware.uplink;

/**
 * The box's topic tree: {@code <prefix>/<site>/<box>/<leaf>} (see docs/MQTT.md). Immutable.
 */
public record UplinkTopics(String base) {

    public static UplinkTopics of(UplinkSettings s) {
        return new UplinkTopics(s.topicPrefix() + "/" + s.siteId() + "/" + s.boxId());
    }

    /** Retained online/offline status; the offline one is also the Last Will. */
    public String status() {
        return base + "/status";
    }

    /** Inventory, sent at every connect. */
    public String birth() {
        return base + "/birth";
    }

    /** Topic for queued messages of {@code p}: {@code health}, {@code alarm} or {@code figures}. */
    public String of(Priority p) {
        return base + "/" + p.topicLeaf();
    }

    /** Filter for commands from the office; subscribed only when commands are enabled. */
    public String commands() {
        return base + "/cmd/#";
    }

    /** Replies to commands; outside {@code cmd/#} so the box never receives its own replies. */
    public String commandReply() {
        return base + "/cmd-reply";
    }

    /** True if {@code topic} is {@code <base>/cmd} or one level below it. */
    public boolean isCommand(String topic) {
        String cmd = base + "/cmd";
        return topic.equals(cmd) || topic.startsWith(cmd + "/") && topic.indexOf('/', cmd.length() + 1) < 0;
    }
}
