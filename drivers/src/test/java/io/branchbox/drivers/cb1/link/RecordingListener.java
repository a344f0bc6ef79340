package io.branchbox.drivers.cb1.link;

import io.branchbox.drivers.cb1.msg.Cb1Message;
import java.util.ArrayList;
import java.util.List;

/** Keeps every callback as a line of text (and messages as objects) for assertions. */
final class RecordingListener implements BoardListener {
    final List<String> events = new ArrayList<>();
    final List<Cb1Message> messages = new ArrayList<>();
    final List<String> audio = new ArrayList<>();

    @Override
    public void onBoardUp(BoardIdentity id) {
        events.add("up " + id.serial());
    }

    @Override
    public void onBoardRestarted(BoardIdentity id) {
        events.add("restarted " + id.serial());
    }

    @Override
    public void onBoardDown(String reason) {
        events.add("down");
    }

    @Override
    public void onMessage(Cb1Message m) {
        messages.add(m);
    }

    @Override
    public void onAudio(int unit, int chan, int frameNo, byte[] buf, int off) {
        audio.add(unit + "/" + chan + "#" + frameNo + ":" + (buf[off] & 0xFF) + ".." + (buf[off + 159] & 0xFF));
    }
}
