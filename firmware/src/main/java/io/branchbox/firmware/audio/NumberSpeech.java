package io.branchbox.firmware.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a prompt set's language says the position and wait announcement, as a list of prompt names
 * to join: {@code position-intro}, numbers, {@code wait-intro}, {@code minute(s)} or
 * {@code less-than-a-minute}. The set decides the language ({@link PromptLibrary#positionAnnouncement}).
 *
 * <ul>
 *   <li>{@link #ENGLISH}: "you are caller number 12, your expected wait is about 3 minutes";
 *       numbers above ten digit by digit ("one two"), which needs no more recordings.
 *   <li>{@link #MANDARIN}: "您现在排在第十二位，预计等待时间约三分钟": numbers the Chinese way from
 *       the pieces 零..十 and 百 (十二 = 十+二, 二十三 = 二+十+三, 一百零五 = 一+百+零+五), 两 for two
 *       before 分钟 (两分钟, but 第二位), the ordinal closed by {@code position-outro} (位). From
 *       1000 on, digit by digit.
 * </ul>
 *
 * <p>The wait is rounded to the nearest whole minute; under a minute is "less than one minute".
 * Stateless and thread-safe.
 */
public enum NumberSpeech {
    ENGLISH {
        @Override
        List<String> cardinal(long n, boolean counted) {
            if (n <= 10) {
                return List.of("number-" + n);
            }
            return digits(n);
        }

        @Override
        List<String> positionEnd() {
            return List.of();
        }
    },
    MANDARIN {
        @Override
        List<String> cardinal(long n, boolean counted) {
            if (n == 2 && counted) {
                return List.of("number-liang");
            }
            if (n <= 10) {
                return List.of("number-" + n);
            }
            if (n >= 1000) {
                return digits(n);
            }
            List<String> out = new ArrayList<>();
            long hundreds = n / 100;
            long rest = n % 100;
            if (hundreds > 0) {
                out.add("number-" + hundreds);
                out.add("number-100");
                if (rest == 0) {
                    return out;
                }
                if (rest < 10) {
                    out.add("number-0");
                    out.add("number-" + rest);
                    return out;
                }
                out.add("number-" + rest / 10); // 一百一十: the tens digit is said after 百
            } else if (rest >= 20) {
                out.add("number-" + rest / 10);
            }
            out.add("number-10");
            if (rest % 10 != 0) {
                out.add("number-" + rest % 10);
            }
            return out;
        }

        @Override
        List<String> positionEnd() {
            return List.of("position-outro");
        }
    };

    /** The prompts that say {@code n}; {@code counted}: before a measure word (minutes). */
    abstract List<String> cardinal(long n, boolean counted);

    /** What closes "you are caller number N" in this language. */
    abstract List<String> positionEnd();

    /**
     * "You are caller number N[, your expected wait is about M minutes]": the wait part only when
     * {@code expectedWait} is not null.
     */
    public List<String> position(int position, Duration expectedWait) {
        if (position < 1) {
            throw new IllegalArgumentException("queue positions start at 1: " + position);
        }
        List<String> names = new ArrayList<>(List.of("position-intro"));
        names.addAll(cardinal(position, false));
        names.addAll(positionEnd());
        if (expectedWait != null) {
            if (expectedWait.isNegative()) {
                throw new IllegalArgumentException("negative expected wait " + expectedWait);
            }
            names.add("wait-intro");
            if (expectedWait.toSeconds() < 60) {
                names.add("less-than-a-minute");
            } else {
                long minutes = (expectedWait.toSeconds() + 30) / 60;
                names.addAll(cardinal(minutes, true));
                names.add(minutes == 1 ? "minute" : "minutes");
            }
        }
        return List.copyOf(names);
    }

    private static List<String> digits(long n) {
        List<String> digits = new ArrayList<>();
        for (char c : Long.toString(n).toCharArray()) {
            digits.add("number-" + c);
        }
        return digits;
    }
}
