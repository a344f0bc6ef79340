package io.branchbox.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TriesTest {
    @Test
    void aSeedReproducesTheSameInputs() {
        Gen<byte[]> gen = Gen.bytes(0, 50);
        assertArrayEquals(gen.next(new Random(42)), gen.next(new Random(42)));
    }

    @Test
    void sizesReachBothEdgesAndStayInRange() {
        Random r = new Random(1);
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            int n = Gen.bytes(3, 40).next(r).length;
            assertTrue(n >= 3 && n <= 40, "length " + n);
            lengths.add(n);
        }
        assertTrue(lengths.contains(3) && lengths.contains(40), "edges drawn: " + lengths);
    }

    @Test
    void integersHitTheirBoundsAndNeverLeaveTheRange() {
        Random r = new Random(2);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            int v = Gen.ints(-5, 1000).next(r);
            assertTrue(v >= -5 && v <= 1000, "value " + v);
            seen.add(v);
        }
        assertTrue(seen.containsAll(List.of(-5, 1000, 0, 1, -1)), "edges drawn");
        long wide = Gen.anyLong().next(r);
        assertTrue(wide >= Long.MIN_VALUE); // the full range draws without looping forever
    }

    @Test
    void aFailureNamesTheSeedAndTheInputAndItsReplayFindsTheSameInput() {
        List<String> firstRun = new ArrayList<>();
        AssertionError failure = assertThrows(AssertionError.class, () -> Tries.forAll(500, Gen.strings("ab", 1, 6), s -> {
            firstRun.add(s);
            assertTrue(!s.equals("bab"), "no bab");
        }));
        String message = failure.getMessage();
        assertTrue(message.contains("\"bab\"") && message.contains("-Dfuzz.seed="), message);

        String seed = message.replaceAll("(?s).*-Dfuzz.seed=(-?\\d+).*", "$1");
        String before = System.getProperty("fuzz.seed");
        System.setProperty("fuzz.seed", seed);
        try {
            List<String> replay = new ArrayList<>();
            assertThrows(AssertionError.class, () -> Tries.forAll(500, Gen.strings("ab", 1, 6), s -> {
                replay.add(s);
                assertTrue(!s.equals("bab"));
            }));
            assertEquals(firstRun, replay);
        } finally {
            if (before == null) {
                System.clearProperty("fuzz.seed");
            } else {
                System.setProperty("fuzz.seed", before);
            }
        }
    }

    @Test
    void everyTryRunsWhenThePropertyHolds() {
        int[] runs = {0};
        Tries.forAll(37, Gen.ints(0, 9), v -> runs[0]++);
        assertEquals(37, runs[0]);
    }
}
