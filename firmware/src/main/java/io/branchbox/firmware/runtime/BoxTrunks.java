package io.branchbox.firmware.runtime;

import io.branchbox.drivers.cb1.link.BoardLink;
import io.branchbox.drivers.cb1.msg.DChannel;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.call.CallManager;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.isdn.capture.DChannelCapture;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.isdn.q931.Q931Timers;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.firmware.trunk.PriSpanSettings;
import io.branchbox.firmware.trunk.fxo.FxoConfig;
import io.branchbox.firmware.trunk.fxo.FxoLine;
import io.branchbox.firmware.trunk.outbound.ChannelAdmin;
import io.branchbox.firmware.trunk.outbound.OutboundConfig;
import io.branchbox.firmware.trunk.outbound.OutboundDialer;
import io.branchbox.firmware.trunk.outbound.OutboundTrunk;
import io.branchbox.firmware.trunk.outbound.StuckChannelDetector;
import io.branchbox.firmware.trunk.outbound.StuckChannelPolicy;
import io.branchbox.time.ExecutorScheduler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's trunks as the document configures them: the PRI spans (with their D-channel capture),
 * the analog FXO lines, the outbound dialer over the spans, the technician's channel blocks
 * (restored from the journal) and the stuck-channel restarts. Part of {@link BoxEngine}'s build.
 *
 * <p>Threading: built on the starting thread before the board link starts; everything in it then
 * runs on {@code signalling}. The collections are not modified after the build.
 */
final class BoxTrunks {
    private static final Logger log = LoggerFactory.getLogger(BoxTrunks.class);

    /** The enabled spans by board unit, in the document's order. */
    final Map<Integer, PriSpan> spans = new LinkedHashMap<>();
    final List<FxoLine> fxoLines = new ArrayList<>();
    final ChannelBlocks channelBlocks;
    /** Null when no PRI span is configured. */
    final OutboundDialer dialer;

    BoxTrunks(BoxConfig config, Clock clock, ExecutorScheduler signalling, BoardLink link, BoardChannels boardChannels,
            EventJournal journal, CallManager calls) throws IOException {
        PriSpan.Calls toCalls = new PriSpan.Calls() {
            @Override
            public void onIncoming(TrunkCall call) {
                if (JournalHealth.admit(journal, call)) {
                    calls.onIncoming(call);
                }
            }

            @Override
            public void onTrunkCleared(TrunkCall call, Q850Cause cause) {
                calls.onTrunkCleared(call, cause);
            }
        };
        SpanJournal spanJournal = new SpanJournal(journal);
        for (BoxConfig.Span s : config.spans()) {
            if (s.enabled()) {
                spans.put(Units.span(s.span()), new PriSpan(s.span(), signalling,
                        (unit, chan, lapd) -> link.send(new DChannel(0, unit, chan, lapd)), toCalls,
                        new DChannelCapture(clock, false, 20_000, 4L << 20), spanSettings(s), spanJournal));
            }
        }
        Map<Integer, OutboundTrunk> trunks = new LinkedHashMap<>();
        spans.values().forEach(s -> trunks.put(s.span(), OutboundTrunk.of(s)));
        ChannelAdmin channelAdmin = new ChannelAdmin(trunks, signalling);
        channelBlocks = new ChannelBlocks(journal, channelAdmin);
        int restored = channelBlocks.restore();
        if (restored > 0) {
            log.info("{} B-channel block(s) restored from the journal", restored);
        }
        dialer = trunks.isEmpty() ? null : new OutboundDialer(trunks, outboundConfig(config, trunks), channelAdmin,
                journal::append, signalling);
        // a B-channel busy with no call is restarted (rate-limited) instead of staying stuck
        new StuckChannelDetector(List.copyOf(trunks.values()), channelAdmin, StuckChannelPolicy.defaults(), signalling)
                .start();
        BoardFxo boardFxo = new BoardFxo(link, boardChannels);
        for (BoxConfig.FxoPort f : config.fxo()) {
            if (f.enabled()) {
                BoxConfig.FxoSupervision sv = f.supervision();
                fxoLines.add(new FxoLine(FxoConfig.defaults(f.port()).withRingsToAnswer(f.ringsToAnswer())
                        .withCallerId(FxoConfig.CallerIdMode.valueOf(f.callerId().name()))
                        .withAnswerOnTimeout(!sv.polarityReversal(), sv.answerTimeoutS() * 1000)
                        .withDisconnectToneMs(sv.disconnectToneMs()), signalling, boardFxo, toCalls));
            }
        }
    }

    /** True when no span has a call left (the network confirmed every clearing). Signalling thread. */
    boolean idle() {
        return spans.values().stream().allMatch(s -> s.calls().isEmpty());
    }

    private static PriSpanSettings spanSettings(BoxConfig.Span s) {
        Q931Timers std = Q931Timers.defaults();
        return new PriSpanSettings(s.restartOnLinkUp() == BoxConfig.RestartOnLinkUp.ALL_IDLE,
                new Q931Timers(std.t303(), std.t305(), std.t308(), std.t309(), std.t310(), std.t313(),
                        Duration.ofSeconds(s.t316S()), std.t322(), std.restartRetries(), std.statusEnquiryRetries()));
    }

    private static OutboundConfig outboundConfig(BoxConfig config, Map<Integer, OutboundTrunk> trunks) {
        BoxConfig.Outbound o = config.outbound();
        List<Integer> order = o.spanOrder().isEmpty() ? List.copyOf(trunks.keySet()) : o.spanOrder();
        return new OutboundConfig(order, OutboundConfig.ChannelOrder.valueOf(o.channelOrder()),
                OutboundConfig.ChannelMode.valueOf(o.channelMode()), o.maxAttempts(), o.maxAttemptsPerSpan(),
                Duration.ofSeconds(o.deadlineS()));
    }
}
