package io.branchbox.rig.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.BChannels;
import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.isdn.q931.ChannelPreference;
import io.branchbox.firmware.isdn.q931.IsdnCall;
import io.branchbox.firmware.isdn.q931.MessageType;
import io.branchbox.firmware.isdn.q931.Q931Layer;
import io.branchbox.firmware.isdn.q931.Q931Message;
import io.branchbox.firmware.isdn.q931.Q931Timers;
import io.branchbox.firmware.isdn.q931.TrunkCallHandler;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The box's user side against the carrier's network side over an in-memory D-channel. */
class CarrierCallTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final InMemoryDataLink[] links = InMemoryDataLink.pair(scheduler);
    private final CarrierNetworkSide network = new CarrierNetworkSide(links[1]);
    private final List<String> events = new ArrayList<>();
    private final List<IsdnCall> offered = new ArrayList<>();
    private final BChannels channels = new BChannels();
    private final Q931Layer box = new Q931Layer(links[0], scheduler, Q931Timers.defaults(), channels, new TrunkCallHandler() {
        @Override
        public void onIncomingCall(IsdnCall call) {
            events.add("incoming " + call.callingNumber() + " ts" + call.channel());
            offered.add(call);
        }

        @Override
        public void onAlerting(IsdnCall call) {
            events.add("alerting");
        }

        @Override
        public void onAnswered(IsdnCall call) {
            events.add("answered ts" + call.channel());
        }

        @Override
        public void onConnected(IsdnCall call) {
            events.add("connected");
        }

        @Override
        public void onCleared(IsdnCall call, Q850Cause q850, String location) {
            int cause = q850.value();
            events.add("cleared " + cause);
        }
    });

    @BeforeEach
    void linkUpAndInterfaceRestarted() {
        links[0].attach(box);
        links[1].attach(network);
        box.start();
        scheduler.runPending();
        assertEquals(MessageType.RESTART, network.received().get(0).type());
        assertEquals(ChannelState.IDLE, channels.state(1));
    }

    @Test
    void incomingCallIsAnsweredByTheBoxAndClearedByTheCarrier() throws Exception {
        CompletableFuture<OfferedCall> first = network.offerCall("301234567", "4200", 5);
        scheduler.runPending();
        IsdnCall call = offered.get(0);
        call.alert();
        scheduler.runPending();
        OfferedCall carrierSide = first.get();
        assertEquals(NetworkState.N7, carrierSide.state());

        call.answer();
        scheduler.runPending();
        assertTrue(carrierSide.answered().isDone());
        assertEquals(NetworkState.N10, carrierSide.state());
        assertEquals(10, call.state());

        carrierSide.hangup(Q850Cause.NORMAL_CLEARING.value());
        scheduler.runPending();
        assertEquals(Q850Cause.NORMAL_CLEARING.value(), carrierSide.cleared().get());
        assertEquals(List.of("incoming 301234567 ts5", "connected", "cleared 16"), events);
        assertEquals(ChannelState.IDLE, channels.state(5));
        assertTrue(!network.isBusy(5));
        assertEquals(0, network.faults());
    }

    @Test
    void outgoingCallIsAnsweredByTheCarrierAndClearedByTheBox() throws Exception {
        List<OfferedCall> fromBox = new ArrayList<>();
        network.addListener(new CarrierListener() {
            @Override
            public void onCallFromBox(OfferedCall c) {
                fromBox.add(c);
            }
        });
        IsdnCall call = box.placeCall("0301234567", "4200", ChannelPreference.preferred());
        scheduler.runPending();
        assertEquals(List.of("alerting", "answered ts31"), events);
        assertEquals("0301234567", fromBox.get(0).called());

        call.hangup(Q850Cause.NORMAL_CLEARING);
        scheduler.runPending();
        assertEquals(Q850Cause.NORMAL_CLEARING.value(), fromBox.get(0).cleared().get());
        assertEquals("cleared 16", events.get(events.size() - 1));
        assertTrue(network.calls().isEmpty() && box.calls().isEmpty());
    }

    @Test
    void glareOnAPreferredChannelMovesTheBoxCallElsewhere() {
        network.armGlare("555", "4200");
        IsdnCall out = box.placeCall("0301234567", null, ChannelPreference.preferred());
        scheduler.runPending();
        assertEquals(31, offered.get(0).channel(), "the network's call keeps the contested channel");
        assertEquals(1, out.channel(), "the box call took the channel the network assigned");
        assertEquals(10, out.state());
    }

    @Test
    void glareOnAnExclusiveChannelFailsTheBoxCallWithCause44() {
        network.armGlare("555", "4200");
        box.placeCall("0301234567", null, ChannelPreference.exclusive(20));
        scheduler.runPending();
        assertEquals(20, offered.get(0).channel());
        assertTrue(events.contains("cleared 44"));
        assertEquals(ChannelState.BUSY, channels.state(20));
    }

    @Test
    void carrierThatNeverAnswersMakesTheBoxGiveUpAfterTwoSetups() {
        network.setOutgoingPolicy(OutgoingPolicy.IGNORE);
        box.placeCall("1", null, ChannelPreference.preferred());
        scheduler.runPending();
        scheduler.advance(Duration.ofSeconds(8));
        List<MessageType> types = network.received().stream().map(Q931Message::type).toList();
        assertEquals(List.of(MessageType.RESTART, MessageType.SETUP, MessageType.SETUP, MessageType.RELEASE_COMPLETE), types);
        assertTrue(events.contains("cleared 102"));
    }

    @Test
    void malformedMessageFromTheCarrierGetsStatus97() {
        network.offerCall("1", "2", 3);
        scheduler.runPending();
        offered.get(0).answer();
        scheduler.runPending();
        network.sendRaw(new byte[] {
            0x08, // protocol discriminator Q.931
            0x02, // call reference length 2
            0x00, // flag 0: the network originated this call
            0x01, // call reference 1 (the carrier's first call)
            0x60}); // message type 0x60: does not exist
        scheduler.runPending();
        Q931Message last = network.received().get(network.received().size() - 1);
        assertEquals(MessageType.STATUS, last.type());
        assertEquals(Q850Cause.MESSAGE_TYPE_NON_EXISTENT.value(), last.find(io.branchbox.firmware.isdn.q931.Cause.class).orElseThrow().value());
    }

    @Test
    void carrierRestartClearsTheBoxCalls() throws Exception {
        network.offerCall("1", "2", 3);
        scheduler.runPending();
        offered.get(0).answer();
        scheduler.runPending();
        CompletableFuture<Void> ack = network.restartInterface();
        scheduler.runPending();
        assertTrue(ack.isDone());
        assertEquals("cleared 41", events.get(events.size() - 1));
        assertEquals(ChannelState.IDLE, channels.state(3));
    }

    @Test
    void activeCallSurvivesAShortLinkFailure() {
        network.offerCall("1", "2", 3);
        scheduler.runPending();
        IsdnCall call = offered.get(0);
        call.answer();
        scheduler.runPending();
        links[0].fail("cable pulled");
        scheduler.runPending();
        links[0].establish();
        scheduler.runPending();
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(10, call.state());
        assertTrue(network.received().stream().anyMatch(m -> m.type() == MessageType.STATUS_ENQUIRY));
        assertEquals(ChannelState.BUSY, channels.state(3));
    }

    @Test
    void boxRefusesAnOfferOnABlockedChannel() {
        channels.block(7, "test");
        CompletableFuture<OfferedCall> first = network.offerCall("1", "2", 7);
        scheduler.runPending();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, first::get);
        assertEquals(Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE.value(), assertInstanceOf(CallRejectedException.class, e.getCause()).cause());
    }

    @Test
    void statusEnquiryFromTheCarrierIsAnsweredAndAWrongStateClearsTheCall() throws Exception {
        CompletableFuture<OfferedCall> first = network.offerCall("1", "2", 3);
        scheduler.runPending();
        offered.get(0).answer();
        scheduler.runPending();
        OfferedCall call = first.get();
        network.enquireStatus(call);
        scheduler.runPending();
        Q931Message status = network.received().get(network.received().size() - 1);
        assertEquals(MessageType.STATUS, status.type());
        assertEquals(10, status.find(io.branchbox.firmware.isdn.q931.CallState.class).orElseThrow().value());

        network.sendStatus(call, NetworkState.N7);
        scheduler.runPending();
        assertEquals(Q850Cause.WRONG_MESSAGE_FOR_STATE.value(), call.cleared().get());
        assertEquals("cleared 101", events.get(events.size() - 1));
    }
}
