package io.branchbox.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of test inputs drawn from a seeded {@link Random}, for the property and fuzz tests
 * ({@link Tries}). Generators are plain functions, so a record of several values is one lambda:
 * {@code r -> new Started(id.next(r), text.next(r))}.
 *
 * <p>Sizes and numbers lean towards the edges where parsers break: about one draw in five is
 * empty, tiny or the largest allowed, and integers hit their bounds, 0 and ±1 often.
 *
 * <p>Not thread-safe by itself: each try gets its own {@code Random}.
 */
@FunctionalInterface
public interface Gen<T> {
    /** One value; must depend only on {@code r}, so a seed reproduces it. */
    T next(Random r);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return r -> f.apply(next(r));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        return r -> f.apply(next(r)).next(r);
    }

    /** This generator's values, or {@code null} with the given probability. */
    default Gen<T> orNull(double probability) {
        return r -> r.nextDouble() < probability ? null : next(r);
    }

    /** Lists of up to {@code maxSize} values. */
    default Gen<List<T>> list(int maxSize) {
        return r -> {
            int n = size(r, 0, maxSize);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(next(r));
            }
            return out;
        };
    }

    static <T> Gen<T> just(T value) {
        return r -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        List<T> copy = Arrays.asList(values.clone());
        return r -> copy.get(r.nextInt(copy.size()));
    }

    static <E extends Enum<E>> Gen<E> of(Class<E> type) {
        return of(type.getEnumConstants());
    }

    /** One of the generators, chosen evenly per draw (list one twice to weigh it double). */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return oneOf(List.of(gens));
    }

    static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> gens) {
        List<? extends Gen<? extends T>> copy = List.copyOf(gens);
        return r -> copy.get(r.nextInt(copy.size())).next(r);
    }

    /** Integers in {@code [min, max]}, the bounds and small values often. */
    static Gen<Integer> ints(int min, int max) {
        return r -> (int) Numbers.between(r, min, max);
    }

    static Gen<Integer> anyInt() {
        return ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Longs in {@code [min, max]}, the bounds and small values often. */
    static Gen<Long> longs(long min, long max) {
        return r -> Numbers.between(r, min, max);
    }

    static Gen<Long> anyLong() {
        return longs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Doubles of every kind: ordinary, tiny, huge, negative zero, infinities and NaN. */
    static Gen<Double> anyDouble() {
        return r -> switch (r.nextInt(8)) {
            case 0 -> Numbers.SPECIAL_DOUBLES[r.nextInt(Numbers.SPECIAL_DOUBLES.length)];
            case 1 -> Double.longBitsToDouble(r.nextLong());
            default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12));
        };
    }

    /** Byte arrays of {@code [minSize, maxSize]} bytes, every value. */
    static Gen<byte[]> bytes(int minSize, int maxSize) {
        return r -> {
            byte[] b = new byte[size(r, minSize, maxSize)];
            r.nextBytes(b);
            return b;
        };
    }

    /** Strings of {@code [minLength, maxLength]} characters taken from {@code chars}. */
    static Gen<String> strings(String chars, int minLength, int maxLength) {
        if (chars.isEmpty()) {
            throw new IllegalArgumentException("no characters to draw from");
        }
        return r -> {
            int n = size(r, minLength, maxLength);
            StringBuilder s = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                s.append(chars.charAt(r.nextInt(chars.length())));
            }
            return s.toString();
        };
    }

    /** Strings of any UTF-16 units up to {@code maxLength}: controls, CJK, lone surrogates. */
    static Gen<String> anyString(int maxLength) {
        return r -> {
            int n = size(r, 0, maxLength);
            StringBuilder s = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                s.append(switch (r.nextInt(4)) {
                    case 0 -> (char) r.nextInt(0x20);
                    case 1 -> (char) (0x20 + r.nextInt(0x5f));
                    case 2 -> (char) (0x4e00 + r.nextInt(0x5000));
                    default -> (char) r.nextInt(0x10000);
                });
            }
            return s.toString();
        };
    }

    /**
     * {@code base} damaged once: up to {@code maxCut} characters at a random place replaced by up to
     * {@code maxInsert} characters from {@code insertChars} (a cut, an insertion or both), as UTF-8.
     * Half-valid documents reach the checks behind a parser's first line of defence.
     */
    static Gen<byte[]> mutations(String base, int maxCut, String insertChars, int maxInsert) {
        Gen<Integer> ats = ints(0, Math.max(0, base.length() - 1));
        Gen<Integer> cuts = ints(0, maxCut);
        Gen<String> inserts = strings(insertChars, 0, maxInsert);
        return r -> {
            int at = ats.next(r);
            int end = Math.min(base.length(), at + cuts.next(r));
            return (base.substring(0, at) + inserts.next(r) + base.substring(end)).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Every character from {@code from} to {@code to}, then {@code extra}: a character set for {@link #strings}. */
    static String chars(char from, char to, String extra) {
        StringBuilder s = new StringBuilder();
        for (char c = from; c <= to; c++) {
            s.append(c);
        }
        return s.append(extra).toString();
    }

    /** A size in {@code [min, max]}: one draw in five the edge (min, max or a tiny one), else uniform. */
    static int size(Random r, int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException("size " + min + ".." + max);
        }
        return switch (r.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            case 2 -> Math.min(max, min + r.nextInt(4));
            default -> min + r.nextInt(max - min + 1);
        };
    }
}
