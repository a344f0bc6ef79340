package io.branchbox.box.update;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where an update stands, persisted in {@code <data>/versions/update.state} (key=value lines, so
 * that the launcher script can read {@code step=} too) and replaced atomically at each step.
 *
 * @param step           the step under way (written before its action, which is idempotent)
 * @param from           the version that ran before the update
 * @param fromLink       the versions/ directory of {@code from}; empty for the package's own jar
 * @param to             the version being installed
 * @param starts         starts of {@code to} on trial so far (or of the rollback)
 * @param boardWasOnline whether the board was online before: only then must it be online after
 * @param reason         why a rollback happens (empty otherwise)
 * @param source         who asked: {@code web:<user>}, {@code office:<command id>}, {@code cli}
 */
public record UpdateState(Step step, String from, String fromLink, String to, int starts, boolean boardWasOnline,
        String reason, String source) {

    /** The update's steps, in order; ROLLING_BACK may follow SWITCHING or TRIAL. */
    public enum Step { STAGING, STAGED, SWITCHING, TRIAL, ROLLING_BACK }

    public static final String FILE = "update.state";

    UpdateState with(Step s, int n, String why) {
        return new UpdateState(s, from, fromLink, to, n, boardWasOnline, why, source);
    }

    static Optional<UpdateState> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            return Optional.of(new UpdateState(Step.valueOf(p.getProperty("step")), p.getProperty("from", ""),
                    p.getProperty("fromLink", ""), p.getProperty("to", ""), Integer.parseInt(p.getProperty("starts", "0")),
                    Boolean.parseBoolean(p.getProperty("boardWasOnline")), p.getProperty("reason", ""),
                    p.getProperty("source", "")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("the update state " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        StringWriter w = new StringWriter();
        w.write("step=" + step + "\nfrom=" + esc(from) + "\nfromLink=" + esc(fromLink) + "\nto=" + esc(to) + "\nstarts="
                + starts + "\nboardWasOnline=" + boardWasOnline + "\nreason=" + esc(reason) + "\nsource=" + esc(source) + "\n");
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, w.toString(), StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static void clear(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** One line for Properties: no line breaks, backslashes doubled, non-ASCII as \\uXXXX. */
    private static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\') {
                b.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
