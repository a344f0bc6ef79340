package io.branchbox.rig.board;

import io.branchbox.drivers.cb1.msg.Ack;
import io.branchbox.drivers.cb1.msg.AckStatus;
import io.branchbox.drivers.cb1.msg.AudioFrames;
import io.branchbox.drivers.cb1.msg.BoardHealth;
import io.branchbox.drivers.cb1.msg.Cb1Codec;
import io.branchbox.drivers.cb1.msg.Cb1Message;
import io.branchbox.drivers.cb1.msg.Cb1ProtocolException;
import io.branchbox.drivers.cb1.msg.DChannel;
import io.branchbox.drivers.cb1.msg.Hello;
import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.drivers.cb1.msg.Ping;
import io.branchbox.drivers.cb1.msg.Pong;
import io.branchbox.drivers.cb1.msg.Query;
import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.drivers.cb1.msg.SpanStatus;
import io.branchbox.drivers.cb1.msg.UnitKind;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated board's state and behaviour (datasheet section 5), driven by frames from the
 * wire and by its own real-time timers.
 *
 * <p>Threading: everything here runs on the simulator's single core scheduler thread.
 */
final class SimCore {
    private static final Logger log = LoggerFactory.getLogger(SimCore.class);
    static final long HOST_LOST_MILLIS = 3000;

    final BoardSimulator.Inventory inventory;
    final Scheduler core;
    final SimWire wire;
    final SimSpan[] spans;
    final HookState[] hooks;
    final Map<ChannelId, SimChannel> open = new LinkedHashMap<>();
    final Map<ChannelId, AudioEndpoint> endpoints = new LinkedHashMap<>();
    /** Hears FXO_HOOK (port, state); set through BoardSimulator.onFxoHook. */
    java.util.function.BiConsumer<Integer, HookState> hookListener = (port, hook) -> {};
    private final SimCommands commands = new SimCommands(this);
    private final int[] lastSeq = new int[256];
    private final AckStatus[] lastStatus = new AckStatus[256];
    private final byte[] audioContent = new byte[AudioFrames.CONTENT_LEN];
    private long poweredAtMillis;
    private long lastPingMillis;
    private boolean pingSinceHello;
    boolean hostLost;
    long stalledUntilMillis;
    int acksToMiss;
    int acksToDelay;
    Duration ackDelay = Duration.ZERO;
    long hellos;
    long resets;
    long underrunsOfClosed;

    SimCore(BoardSimulator.Inventory inventory, Scheduler core, SimWire wire) {
        this.inventory = inventory;
        this.core = core;
        this.wire = wire;
        this.spans = new SimSpan[inventory.spans()];
        for (int i = 0; i < spans.length; i++) {
            spans[i] = new SimSpan();
        }
        this.hooks = new HookState[inventory.fxo()];
    }

    /** Power-up, reset, or the end of host-lost: everything closed, then HELLO. */
    void restart() {
        closeEverything();
        for (SimSpan s : spans) {
            s.reset();
        }
        Arrays.fill(lastSeq, 0);
        stalledUntilMillis = 0;
        hostLost = false;
        pingSinceHello = false;
        poweredAtMillis = core.nowMillis();
        sendHello();
    }

    void resetSoon() {
        resets++;
        core.schedule(Duration.ofMillis(50), this::restart);
    }

    boolean stalled() {
        return core.nowMillis() < stalledUntilMillis;
    }

    boolean unitFitted(int unit) {
        int i = Units.index(unit);
        return switch (Units.kind(unit)) {
            case BOARD -> true;
            case SPAN -> i < inventory.spans();
            case FXO -> i < inventory.fxo();
            case HEADSET -> i < inventory.headsets();
            case INVALID -> false;
        };
    }

    void onContent(byte[] c) {
        if (stalled()) {
            return;
        }
        if (AudioFrames.isAudio(c, 0, c.length)) {
            SimChannel ch = open.get(new ChannelId(AudioFrames.unit(c, 0), AudioFrames.chan(c, 0)));
            if (ch != null && !discardsHostAudio(ch.id)) {
                ch.fromHost(c, AudioFrames.SAMPLES_OFFSET);
            }
            return;
        }
        Cb1Message m;
        try {
            m = Cb1Codec.decode(c, 0, c.length);
        } catch (Cb1ProtocolException e) {
            log.warn("simulated board refused a frame: {}", e.getMessage());
            if (e.hasHeader() && e.seq() > 0) {
                acknowledge(Ack.answering(e, AckStatus.BAD_ARGUMENT));
            }
            return;
        }
        if (m instanceof Ping p) {
            onPing(p);
        } else if (m instanceof Query) {
            sendHello();
        }
        if (!m.wantsAck()) {
            if (!(m instanceof Ping) && !(m instanceof Query)) {
                commands.execute(m);
            }
            return;
        }
        int unit = m.unit();
        if (lastSeq[unit] == m.seq()) {
            acknowledge(Ack.answering(m, lastStatus[unit]));
            return;
        }
        AckStatus s = commands.execute(m);
        lastSeq[unit] = m.seq();
        lastStatus[unit] = s;
        acknowledge(Ack.answering(m, s));
    }

    private boolean discardsHostAudio(ChannelId id) {
        return Units.kind(id.unit()) == UnitKind.FXO && hooks[Units.index(id.unit())] == HookState.ON_HOOK;
    }

    private void onPing(Ping p) {
        lastPingMillis = core.nowMillis();
        pingSinceHello = true;
        if (hostLost) {
            restart();
            pingSinceHello = true;
            lastPingMillis = core.nowMillis();
        }
        send(Pong.answering(p));
    }

    private void acknowledge(Ack ack) {
        if (acksToMiss > 0) {
            acksToMiss--;
            return;
        }
        if (acksToDelay > 0) {
            acksToDelay--;
            core.schedule(ackDelay, () -> send(ack));
            return;
        }
        send(ack);
    }

    void sendHello() {
        hellos++;
        send(new Hello(0, Units.BOARD, 0, Hello.PROTO, inventory.spans(), inventory.fxo(), inventory.headsets(),
                inventory.serial(), inventory.firmware()));
    }

    void send(Cb1Message m) {
        if (stalled()) {
            return;
        }
        byte[] content = Cb1Codec.encode(m);
        wire.send(content, content.length);
    }

    /** Every 100 ms: notice a host that stopped pinging. */
    void housekeeping() {
        if (pingSinceHello && !hostLost && !stalled() && core.nowMillis() - lastPingMillis > HOST_LOST_MILLIS) {
            log.info("simulated board: no PING for {} ms, host lost", HOST_LOST_MILLIS);
            hostLost = true;
            closeEverything();
        }
    }

    /** Every 20 ms: play host audio and send one frame on every open channel. */
    void audioTick() {
        if (stalled()) {
            return;
        }
        for (SimChannel ch : open.values()) {
            AudioEndpoint ep = endpoints.getOrDefault(ch.id, AudioEndpoint.SILENCE);
            ep.fromHost(ch.nextToPlay());
            ep.nextToHost(ch.out);
            AudioFrames.encode(audioContent, 0, ch.id.unit(), ch.id.chan(), ch.nextFrameNo(), ch.out, 0);
            wire.send(audioContent, AudioFrames.CONTENT_LEN);
        }
    }

    private void closeEverything() {
        for (SimChannel c : open.values()) {
            underrunsOfClosed += c.underruns;
        }
        open.clear();
        Arrays.fill(hooks, HookState.ON_HOOK);
    }

    void openChannel(ChannelId id) {
        open.computeIfAbsent(id, SimChannel::new);
    }

    void closeChannel(ChannelId id) {
        SimChannel c = open.remove(id);
        if (c != null) {
            underrunsOfClosed += c.underruns;
        }
    }

    void configureSpan(int span) {
        spans[span].configured = true;
        sendSpanStatus(span);
    }

    void setAlarms(int span, int alarms) {
        SimSpan s = spans[span];
        if (s.alarms != alarms) {
            s.alarms = alarms;
            if (s.configured) {
                sendSpanStatus(span);
            }
        }
    }

    /** Every 1000 ms: status of each configured span. */
    void spanStatusTick() {
        for (int i = 0; i < spans.length; i++) {
            if (spans[i].configured) {
                sendSpanStatus(i);
            }
        }
    }

    private void sendSpanStatus(int span) {
        SimSpan s = spans[span];
        send(new SpanStatus(0, Units.span(span), 0, s.alarms, s.crcErrors, s.slips, s.bpv));
    }

    void healthTick() {
        long uptime = (core.nowMillis() - poweredAtMillis) / 1000;
        send(new BoardHealth(0, Units.BOARD, 0, 412, 5020, uptime, wire.rxBad(), wire.txOverruns.get()));
    }

    void relayFromHost(DChannel d) {
        if (Units.kind(d.unit()) != UnitKind.SPAN || !unitFitted(d.unit())) {
            return;
        }
        SimSpan s = spans[Units.index(d.unit())];
        if (s.peer != null && s.relays(hostLost)) {
            s.peer.fromHost(d.lapd());
        }
    }

    boolean relayToHost(int span, byte[] lapd) {
        if (!spans[span].relays(hostLost) || stalled()) {
            return false;
        }
        send(new DChannel(0, Units.span(span), SpanConfig.D_CHANNEL_TIMESLOT, lapd));
        return true;
    }
}
