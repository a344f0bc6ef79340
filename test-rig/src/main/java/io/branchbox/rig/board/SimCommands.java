package io.branchbox.rig.board;

import io.branchbox.drivers.cb1.msg.AckStatus;
import io.branchbox.drivers.cb1.msg.Cb1Message;
import io.branchbox.drivers.cb1.msg.ChanClose;
import io.branchbox.drivers.cb1.msg.ChanOpen;
import io.branchbox.drivers.cb1.msg.DChannel;
import io.branchbox.drivers.cb1.msg.FxoHook;
import io.branchbox.drivers.cb1.msg.HeadsetGain;
import io.branchbox.drivers.cb1.msg.Ping;
import io.branchbox.drivers.cb1.msg.Query;
import io.branchbox.drivers.cb1.msg.Reset;
import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.drivers.cb1.msg.UnitKind;
import io.branchbox.drivers.cb1.msg.Units;

/**
 * Decides a host command's ACK status and carries it out on the simulated board (datasheet
 * section 5): unit checks against the inventory, argument checks, then the effect.
 *
 * <p>Threading: core thread only.
 */
final class SimCommands {
    private final SimCore core;

    SimCommands(SimCore core) {
        this.core = core;
    }

    AckStatus execute(Cb1Message m) {
        if (!core.unitFitted(m.unit())) {
            return AckStatus.BAD_UNIT;
        }
        return switch (m) {
            case Ping p -> onlyBoard(m);
            case Query q -> onlyBoard(m);
            case Reset r -> {
                AckStatus s = onlyBoard(m);
                if (s == AckStatus.OK) {
                    core.resetSoon();
                }
                yield s;
            }
            case SpanConfig c -> spanConfig(c);
            case ChanOpen o -> channel(o.unit(), o.chan(), true);
            case ChanClose c -> channel(c.unit(), c.chan(), false);
            case FxoHook h -> {
                if (Units.kind(h.unit()) != UnitKind.FXO) {
                    yield AckStatus.BAD_UNIT;
                }
                core.hooks[Units.index(h.unit())] = h.state();
                core.hookListener.accept(Units.index(h.unit()), h.state());
                yield AckStatus.OK;
            }
            case HeadsetGain g -> Units.kind(g.unit()) == UnitKind.HEADSET ? AckStatus.OK : AckStatus.BAD_UNIT;
            case DChannel d -> {
                core.relayFromHost(d);
                yield Units.kind(d.unit()) == UnitKind.SPAN ? AckStatus.OK : AckStatus.BAD_UNIT;
            }
            default -> AckStatus.UNSUPPORTED;
        };
    }

    private static AckStatus onlyBoard(Cb1Message m) {
        return m.unit() == Units.BOARD ? AckStatus.OK : AckStatus.BAD_UNIT;
    }

    private AckStatus spanConfig(SpanConfig c) {
        if (Units.kind(c.unit()) != UnitKind.SPAN) {
            return AckStatus.BAD_UNIT;
        }
        if (c.dchan() != SpanConfig.D_CHANNEL_TIMESLOT) {
            return AckStatus.BAD_ARGUMENT;
        }
        core.configureSpan(Units.index(c.unit()));
        return AckStatus.OK;
    }

    private AckStatus channel(int unit, int chan, boolean open) {
        UnitKind kind = Units.kind(unit);
        boolean valid = switch (kind) {
            case SPAN -> chan >= 1 && chan <= 31 && chan != SpanConfig.D_CHANNEL_TIMESLOT;
            case FXO, HEADSET -> chan == 0;
            default -> false;
        };
        if (!valid) {
            return kind == UnitKind.BOARD ? AckStatus.BAD_UNIT : AckStatus.BAD_ARGUMENT;
        }
        if (open) {
            core.openChannel(new ChannelId(unit, chan));
        } else {
            core.closeChannel(new ChannelId(unit, chan));
        }
        return AckStatus.OK;
    }
}
