package io.branchbox.firmware.isdn;

/**
 * A {@link DataLink} that forwards to another one connected later. Q.931 needs its data link at
 * construction and LAPD needs its {@link DataLinkUser} (Q.931) at construction; the relay breaks
 * that circle: build Q.931 on a relay, build LAPD on Q.931, then {@link #connect} the relay.
 *
 * <p>Threading: as the target; {@link #connect} once, before the first use.
 */
public final class DataLinkRelay implements DataLink {
    private DataLink target;

    /** Points the relay at the real data link. */
    public void connect(DataLink target) {
        this.target = target;
    }

    @Override
    public void establish() {
        target.establish();
    }

    @Override
    public void send(byte[] layer3Message) {
        target.send(layer3Message);
    }

    @Override
    public void sendFirstAnswer(byte[] layer3Message) {
        target.sendFirstAnswer(layer3Message);
    }

    @Override
    public boolean isUp() {
        return target != null && target.isUp();
    }
}
