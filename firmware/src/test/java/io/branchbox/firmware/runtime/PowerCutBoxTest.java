package io.branchbox.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalFiles;
import io.branchbox.firmware.recording.AlawWav;
import io.branchbox.firmware.recording.RecordingService;
import io.branchbox.firmware.recording.RecordingStatusListener;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.firmware.store.DatabaseRescue;
import io.branchbox.firmware.testdisk.PowerCutFiles;
import io.branchbox.firmware.testdisk.PowerCutH2Path;
import io.branchbox.time.ManualScheduler;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power cut, on the box's own storage start ({@link StorageStart}): the journal's
 * segments, the H2 file and every recording go through a {@link PowerCutFiles} disk, the box runs
 * a full E1 (30 calls bridged and recorded, one after another), and the power is cut at a random
 * moment (seeded: {@code -Dbranchbox.powerCutSeed}); whatever was not forced is lost, sometimes
 * with a torn write-back. Then the box starts again on what the disk holds, and after every cut:
 * <ul>
 *   <li>it starts (recordings repaired, database opened or rebuilt, journal tail cut, calls
 *       closed) and takes the next run's load;</li>
 *   <li>no call record of a finished call is lost: every call whose end the journal had made
 *       durable, in this or any earlier run, has its closed record with its end time, and its
 *       recording when that was durable too; every call whose start was durable is closed;</li>
 *   <li>at most the last second of audio per open call: every recording is a valid WAV holding a
 *       prefix of exactly the audio written, at most 1 s short (a finished one: all of it).</li>
 * </ul>
 * {@code -Dbranchbox.powerCuts} cuts ({@code ./box test}: 3; {@code -Pfaults}: 50).
 */
@Tag("faults")
class PowerCutBoxTest {
    private static final Instant START = Instant.parse("2026-12-07T01:00:00Z");
    private static final int CUTS = Integer.getInteger("branchbox.powerCuts", 3);
    private static final long SEED = Long.getLong("branchbox.powerCutSeed", 13);
    private static final long MAX_LOST_MS = 1000;

    @Test
    void theBoxStartsAfterEveryCutAndNoFinishedCallOrSecondOfAudioIsLost(@TempDir Path root) throws Exception {
        Random random = new Random(SEED);
        PowerCutFiles disk = new PowerCutFiles();
        PowerCutH2Path.use(disk);
        List<PowerCutLoad.Call> all = new ArrayList<>();
        List<Long> durableAtCut = new ArrayList<>();
        int rebuilt = 0;
        long finishedChecked = 0;
        long maxLostMs = 0;
        for (int run = 0; run <= CUTS; run++) {
            Path data = root.resolve("run-" + run);
            if (run > 0) {
                // the same disk after the reboot, under a new name: H2 keeps the dead run's database by name
                Files.move(root.resolve("run-" + (run - 1)), data);
            }
            Path recordings = data.resolve("recordings");
            Files.createDirectories(recordings);
            disk.powerOn();
            ManualScheduler scheduler = new ManualScheduler(START.plus(Duration.ofMinutes(10L * run)), ZoneOffset.UTC);
            BoxFaults faults = new BoxFaults();
            StorageStart.Started box;
            try {
                box = StorageStart.open(data, recordings, scheduler.clock(), faults, new StorageStart.Disk(
                        (dir, clock) -> DatabaseRescue.open(dir, clock, PowerCutH2Path.SCHEME),
                        (dir, clock) -> JournalFiles.open(dir, clock, 256 << 10, disk::wrap)));
            } catch (Exception e) {
                throw new AssertionError("run " + run + " (seed " + SEED + "): the box did not start after the cut", e);
            }
            assertEquals(List.of(), box.repaired().skipped(), "run " + run + ": every recording repairable");
            if (box.opened().movedAside().isPresent()) {
                rebuilt++;
            }
            CallRecordRepository repo = new CallRecordRepository(box.opened().database().dataSource());
            box.journal().flush();
            for (PowerCutLoad.Call c : all) {
                long durable = durableAtCut.get(c.run);
                maxLostMs = Math.max(maxLostMs, checkRecording(c, recordings, run));
                finishedChecked += checkRecord(c, durable, repo, run) ? 1 : 0;
            }
            if (run == CUTS) {
                box.journal().close();
                box.opened().database().close();
                break;
            }
            RecordingService recorder = new RecordingService(recordings, scheduler, RecordingStatusListener.NONE,
                    RecordingService.DEFAULT_RING_FRAMES, disk.recordings());
            PowerCutLoad load = new PowerCutLoad(run, random, scheduler, box.journal(), recorder, recordings);
            scheduler.advance(Duration.ofMillis(1_000 + random.nextInt(14_000)));
            disk.cut(random);
            // only a batch forced before the cut can have been published as durable
            durableAtCut.add(box.journal().durableSeq());
            killTheDeadBox(box);
            PowerCutH2Path.retire(data);
            all.addAll(load.calls());
        }
        long ended = all.stream().filter(c -> c.endSeq <= durableAtCut.get(c.run)).count();
        assertTrue(ended > 0, "some calls ended durably before their cut");
        System.out.printf("power cuts: %d (seed %d), calls %d, finished and durable %d (checked %d times),"
                        + " databases rebuilt %d, unforced bytes lost %d, torn bytes kept %d, most audio lost %d ms,"
                        + " forces %s%n", CUTS, SEED, all.size(), ended, finishedChecked, rebuilt, disk.bytesLost(),
                disk.tornBytesKept(), maxLostMs, disk.forces());
    }

    /** The dead box's threads must not write after the cut: the disk refuses them; stop what would retry. */
    private static void killTheDeadBox(StorageStart.Started box) {
        box.journal().writerThread().interrupt();
        PowerCutH2Path.shutDownImmediately(box.opened().database().dataSource(), box.opened().database());
    }

    /** The call's record after the restart; true when it was a finished (durably ended) call. */
    private static boolean checkRecord(PowerCutLoad.Call c, long durable, CallRecordRepository repo, int run) throws Exception {
        String where = c.id + " after restart " + run;
        if (c.startSeq > durable) {
            return false;
        }
        CallRecord r = repo.find(c.id).orElseThrow(() -> new AssertionError(where + ": its start was durable, no record"));
        assertNotNull(r.endedAt(), where + ": left open");
        if (c.endSeq > durable) {
            return false;
        }
        assertEquals(c.endedAt.truncatedTo(ChronoUnit.MILLIS), r.endedAt().truncatedTo(ChronoUnit.MILLIS),
                where + ": end time");
        assertEquals(CallDisposition.ANSWERED, r.disposition(), where);
        if (c.recordingSeq <= durable) {
            assertEquals(c.file.toString(), r.recordingFile(), where + ": recording");
            assertEquals(c.result.sha256(), r.recordingSha256(), where + ": recording hash");
        }
        return true;
    }

    /**
     * The call's file: a valid WAV holding a prefix of exactly the audio written, at most a second
     * short; a finished recording whole. Returns the milliseconds lost.
     */
    private static long checkRecording(PowerCutLoad.Call c, Path recordings, int run) throws Exception {
        String where = c.id + " after restart " + run;
        if (c.checkedLength >= 0) {
            // checked whole after its own cut; a later start must not touch it (and reading every
            // older file again at every cut would make the run quadratic)
            assertEquals(c.checkedLength, Files.size(recordings.resolve(c.file)), where + ": changed by a later start");
            return 0;
        }
        byte[] file = Files.readAllBytes(recordings.resolve(c.file));
        c.checkedLength = file.length;
        AlawWav.Header h = AlawWav.parse(ByteBuffer.wrap(file));
        if (h == null) {
            fail(where + ": not a WAV (" + file.length + " bytes)");
        }
        long data = file.length - AlawWav.HEADER_BYTES;
        assertTrue(h.isBoxLayout() && h.sizesMatch(data), where + ": " + h);
        long written = (long) c.frames * AlawWav.STEREO_FRAME_BYTES;
        assertTrue(data <= written, where + ": more on disk than written");
        long lostMs = AlawWav.durationMs(written - data);
        assertTrue(lostMs <= MAX_LOST_MS, where + ": " + lostMs + " ms of audio lost");
        if (c.result != null) {
            assertEquals(written, data, where + ": finished before the cut");
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(file);
            assertEquals(c.result.sha256(), HexFormat.of().formatHex(sha), where);
        }
        byte[] left = new byte[AlawWav.FRAME_SAMPLES];
        byte[] right = new byte[AlawWav.FRAME_SAMPLES];
        byte[] expected = new byte[(int) data];
        for (int f = 0; f * AlawWav.STEREO_FRAME_BYTES < data; f++) {
            PowerCutLoad.fill(c, f, left, right);
            for (int s = 0; s < AlawWav.FRAME_SAMPLES; s++) {
                int at = f * AlawWav.STEREO_FRAME_BYTES + 2 * s;
                if (at + 1 < data) {
                    expected[at] = left[s];
                    expected[at + 1] = right[s];
                }
            }
        }
        byte[] actual = java.util.Arrays.copyOfRange(file, AlawWav.HEADER_BYTES, file.length);
        assertArrayEquals(expected, actual, where + ": audio on disk differs from what was written");
        return lostMs;
    }
}
