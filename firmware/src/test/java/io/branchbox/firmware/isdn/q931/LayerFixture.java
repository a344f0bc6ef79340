package io.branchbox.firmware.isdn.q931;

import io.branchbox.time.ManualScheduler;
import java.time.Duration;

/** A user-side layer wired to a fake link, a manual clock and a recording call control. */
final class LayerFixture {
    static final CallReference NET_CALL = CallReference.pri(33, false);

    final ManualScheduler scheduler = new ManualScheduler();
    final FakeDataLink link = new FakeDataLink();
    final RecordingHandler handler = new RecordingHandler();
    final BChannels channels = new BChannels();
    final Q931Layer layer = new Q931Layer(link, scheduler, Q931Timers.defaults(), channels, handler);

    /** Delivers a message from the network, encoded to bytes first so the codec is exercised. */
    void receive(CallReference ref, MessageType type, InformationElement... ies) {
        layer.onData(Q931Codec.encode(Q931Message.of(ref, type, ies)));
    }

    /** The network's answer for our outgoing call with reference {@code value}. */
    static CallReference toUs(int value) {
        return CallReference.pri(value, true);
    }

    void advanceSeconds(long s) {
        scheduler.advance(Duration.ofSeconds(s));
    }

    /** Offers a network call on {@code ts} and returns it after call control saw it. */
    IsdnCall offer(int ts) {
        receive(NET_CALL, MessageType.SETUP, BearerCapability.speechALaw(), ChannelIdentification.exclusive(ts),
                CallingPartyNumber.of("301234567"), CalledPartyNumber.of("4200"));
        return handler.incoming;
    }

    /** An incoming call brought to U10. */
    IsdnCall activeIncoming(int ts) {
        IsdnCall call = offer(ts);
        call.answer();
        receive(NET_CALL, MessageType.CONNECT_ACKNOWLEDGE);
        link.take();
        return call;
    }

    static Q850Cause causeOf(Q931Message m) {
        return m.find(Cause.class).orElseThrow().cause();
    }
}
