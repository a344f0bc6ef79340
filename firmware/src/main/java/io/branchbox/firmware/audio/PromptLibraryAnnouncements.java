package io.branchbox.firmware.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the pieces of announcements assembled from several prompts, all in the default set:
 * {@code position-intro} ("you are caller number"), {@code number-0} .. {@code number-10},
 * {@code wait-intro} ("your expected wait is about"), {@code minute}, {@code minutes},
 * {@code less-than-a-minute}. Numbers above ten are read digit by digit ("one two" for 12),
 * which needs no more recordings and is how phone numbers are read anyway.
 *
 * <p>Stateless and thread-safe.
 */
final class PromptLibraryAnnouncements {
    static final int LARGEST_WORD = 10;

    private PromptLibraryAnnouncements() {}

    /**
     * "You are caller number N[, your expected wait is about M minutes]": the wait part only when
     * {@code expectedWait} is not null. Under a minute is "less than one minute"; otherwise the
     * minutes are rounded to the nearest whole minute.
     */
    static List<String> position(int position, Duration expectedWait) {
        if (position < 1) {
            throw new IllegalArgumentException("queue positions start at 1: " + position);
        }
        List<String> names = new ArrayList<>(List.of("position-intro"));
        names.addAll(number(position));
        if (expectedWait != null) {
            if (expectedWait.isNegative()) {
                throw new IllegalArgumentException("negative expected wait " + expectedWait);
            }
            names.add("wait-intro");
            if (expectedWait.toSeconds() < 60) {
                names.add("less-than-a-minute");
            } else {
                long minutes = (expectedWait.toSeconds() + 30) / 60;
                names.addAll(number(minutes));
                names.add(minutes == 1 ? "minute" : "minutes");
            }
        }
        return List.copyOf(names);
    }

    /** The prompts that say {@code n} (n >= 0). */
    static List<String> number(long n) {
        if (n <= LARGEST_WORD) {
            return List.of("number-" + n);
        }
        List<String> digits = new ArrayList<>();
        for (char c : Long.toString(n).toCharArray()) {
            digits.add("number-" + c);
        }
        return digits;
    }
}
