package io.branchbox.firmware.isdn.q931;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A call's first answer to the network's SETUP is the one message that may overtake queued ones. */
class FirstAnswerTest {
    private final LayerFixture f = new LayerFixture();

    @Test
    void onlyTheFirstAnswerOfAnIncomingCallIsExpedited() {
        IsdnCall call = f.offer(5);
        call.proceed();
        call.alert();
        call.answer();

        List<Q931Message> sent = f.link.take();
        assertEquals(List.of(MessageType.CALL_PROCEEDING, MessageType.ALERTING, MessageType.CONNECT),
                sent.stream().map(Q931Message::type).toList());
        assertEquals(List.of(sent.get(0)), f.link.firstAnswers);
        assertEquals(ChannelIdentification.exclusive(5), sent.get(0).find(ChannelIdentification.class).orElseThrow());
    }

    @Test
    void aCallAnsweredAtOnceHasItsConnectExpedited() {
        f.offer(7).answer();

        Q931Message connect = f.link.takeOnly();
        assertEquals(MessageType.CONNECT, connect.type());
        assertEquals(List.of(connect), f.link.firstAnswers);
    }

    @Test
    void outgoingCallsAndClearingAreNeverExpedited() {
        f.layer.placeCall("0301234567", "4200", ChannelPreference.preferred());
        f.offer(3).hangup(Q850Cause.USER_BUSY);

        assertEquals(List.of(MessageType.SETUP, MessageType.RELEASE_COMPLETE),
                f.link.take().stream().map(Q931Message::type).toList());
        assertEquals(List.of(), f.link.firstAnswers);
    }
}
