package io.branchbox.rig.board;

/**
 * What is on the far side of one simulated audio channel: a caller, an agent's headset, a tone.
 *
 * <p>Threading: both methods are called every 20 ms on the simulator's core thread, in the tick
 * for that channel; they must return quickly. The arrays are reused: copy what you keep.
 */
public interface AudioEndpoint {

    /** Fill {@code frame160} with the next 20 ms of A-law to send to the host. */
    void nextToHost(byte[] frame160);

    /** The 20 ms of A-law the board plays this tick (silence 0xD5 after an underrun). */
    void fromHost(byte[] frame160);

    /** Sends A-law silence and ignores what it hears: the default for every channel. */
    AudioEndpoint SILENCE = new AudioEndpoint() {
        @Override
        public void nextToHost(byte[] frame160) {
            java.util.Arrays.fill(frame160, (byte) 0xD5);
        }

        @Override
        public void fromHost(byte[] frame160) {}
    };
}
