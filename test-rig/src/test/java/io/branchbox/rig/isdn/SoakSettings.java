package io.branchbox.rig.isdn;

import java.time.Duration;

/**
 * The knobs of a {@link PriSoak}.
 *
 * @param calls call attempts to start (incoming offers and outgoing calls together)
 * @param seed seeds every random choice, so a failing run can be repeated exactly
 * @param loss share of D-channel frames lost in each direction while traffic runs
 * @param outgoingShare share of attempts that are outgoing calls from the box
 * @param glareShare share of outgoing calls met by a network call on the same channel on purpose
 * @param busyShare share of outgoing calls the far end refuses with user busy (17)
 * @param meanInterArrival mean time between call attempts (exponential)
 * @param meanBetweenCuts mean time between wire cuts (exponential)
 */
record SoakSettings(int calls, long seed, double loss, double outgoingShare, double glareShare, double busyShare,
        Duration meanInterArrival, Duration answerDelayMin, Duration answerDelayMax, Duration talkMin, Duration talkMax,
        Duration meanBetweenCuts, Duration cutMin, Duration cutMax) {

    /**
     * About 20 calls up at a time on the 30 channels, 1 % frame loss each way, a wire cut of
     * 2-8 s about every 100 calls, 30 % outgoing calls of which 10 % meet glare.
     */
    static SoakSettings standard(int calls, long seed) {
        Duration arrival = Duration.ofMillis(1750);
        return new SoakSettings(calls, seed, 0.01, 0.3, 0.1, 0.05, arrival, Duration.ofMillis(500),
                Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(90), arrival.multipliedBy(100),
                Duration.ofSeconds(2), Duration.ofSeconds(8));
    }
}
