package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's on-disk frames, byte for byte, and its torn-tail repair. */
class OutboxJournalTest {

    /** ACK of message 5. */
    private static final byte[] ACK_5 = {
        0x00, 0x00, 0x00, 0x09,                         // body length 9
        0x02,                                           // type ACK
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, // id 5
        0x63, (byte) 0x85, (byte) 0xA6, (byte) 0xDE,    // CRC-32C of the body
    };

    /** APPEND of message 7, priority HEALTH, payload "{}". */
    private static final byte[] APPEND_7_HEALTH = {
        0x00, 0x00, 0x00, 0x0C,                         // body length 12
        0x01,                                           // type APPEND
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07, // id 7
        0x02,                                           // priority ordinal 2 = HEALTH
        0x7B, 0x7D,                                     // payload "{}"
        (byte) 0x94, 0x64, 0x2C, (byte) 0xD2,           // CRC-32C of the body
    };

    @TempDir
    Path dir;

    @Test
    void writesFramesExactlyAsSpecified() throws Exception {
        Path file = dir.resolve("j.log");
        try (OutboxJournal j = OutboxJournal.open(file).journal()) {
            j.append(new OutboxRecord.Append(new OutboxEntry(7, Priority.HEALTH, "{}".getBytes())));
            j.append(new OutboxRecord.Ack(5));
        }
        assertArrayEquals(concat(APPEND_7_HEALTH, ACK_5), Files.readAllBytes(file));
    }

    @Test
    void tornTailIsCutAndEarlierFramesKept() throws Exception {
        Path file = dir.resolve("j.log");
        byte[] torn = java.util.Arrays.copyOf(ACK_5, ACK_5.length - 3);
        Files.write(file, concat(APPEND_7_HEALTH, torn));

        OutboxJournal.Opened opened = OutboxJournal.open(file);
        opened.journal().close();

        assertEquals(torn.length, opened.bytesCut());
        assertEquals(1, opened.records().size());
        OutboxRecord.Append a = assertInstanceOf(OutboxRecord.Append.class, opened.records().get(0));
        assertEquals(7, a.entry().id());
        assertEquals(APPEND_7_HEALTH.length, Files.size(file), "file truncated to the last whole frame");
    }

    @Test
    void frameWithBadChecksumEndsTheReplay() throws Exception {
        Path file = dir.resolve("j.log");
        byte[] spoiled = ACK_5.clone();
        spoiled[ACK_5.length - 1] ^= 0x01;
        Files.write(file, concat(APPEND_7_HEALTH, spoiled));

        OutboxJournal.Opened opened = OutboxJournal.open(file);
        opened.journal().close();

        assertEquals(List.of(OutboxRecord.Append.class), opened.records().stream().map(Object::getClass).toList());
        assertEquals(ACK_5.length, opened.bytesCut());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
