package io.branchbox.admin.prompts;

import io.branchbox.admin.prompts.PromptsException.Reason;
import io.branchbox.firmware.audio.PromptLibrary;
import io.branchbox.firmware.audio.WavImport;
import io.branchbox.firmware.audio.WavImportException;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PromptsBackend} over the firmware's {@link PromptLibrary} (the runtime's own instance,
 * so uploads are heard at once) and {@link WavImport}. Thread-safe; blocks on the disk and the
 * conversion.
 */
public final class LibraryPromptsBackend implements PromptsBackend {
    private static final Logger log = LoggerFactory.getLogger(LibraryPromptsBackend.class);
    private static final Pattern SAFE = Pattern.compile(NAME);

    private static final java.time.Duration PHONE_TIMEOUT = java.time.Duration.ofSeconds(10);

    /** The box side of recording by phone; each call completes on the box's own thread. */
    public interface PhoneRecorder {
        java.util.concurrent.CompletableFuture<Void> start(int seat, String set, String name);

        java.util.concurrent.CompletableFuture<Long> stop(int seat);
    }

    private final PromptLibrary library;
    private final PhoneRecorder phone;

    public LibraryPromptsBackend(PromptLibrary library) {
        this(library, null);
    }

    /** With recording by phone through {@code phone} (null: not available). */
    public LibraryPromptsBackend(PromptLibrary library, PhoneRecorder phone) {
        this.library = library;
        this.phone = phone;
    }

    @Override
    public void recordByPhone(String set, String name, int seat, String user) throws PromptsException {
        check(set, "set");
        check(name, "prompt");
        if (PromptLibrary.isBuiltIn(set)) {
            throw new PromptsException(Reason.READ_ONLY, "the built-in set cannot be changed: record into a site set");
        }
        await(phone == null ? null : phone.start(seat, set, name));
        log.info("{} started recording prompt {}/{} by phone at seat {}", user, set, name, seat);
    }

    @Override
    public long stopRecording(int seat, String user) throws PromptsException {
        long ms = await(phone == null ? null : phone.stop(seat));
        log.info("{} stopped the recording by phone at seat {}: {} ms saved", user, seat, ms);
        return ms;
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws PromptsException {
        if (f == null) {
            throw new PromptsException(Reason.UNAVAILABLE, "recording by phone is not available here");
        }
        try {
            return f.get(PHONE_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.io.UncheckedIOException) {
                throw new PromptsException(Reason.STORAGE, cause.getMessage());
            }
            // call control's refusal has a stable code (no-seat, busy, no-call, empty, bad-code)
            String code = cause instanceof io.branchbox.firmware.console.ConsoleException c ? c.code() : "busy";
            throw new PromptsException(Reason.BUSY, String.valueOf(cause.getMessage()), null, "prompts.error.phone." + code);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new PromptsException(Reason.UNAVAILABLE, "the box did not answer in time", null, "prompts.error.timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PromptsException(Reason.UNAVAILABLE, "interrupted");
        }
    }

    @Override
    public String activeSet() {
        return library.activeSet();
    }

    @Override
    public List<String> sets() throws PromptsException {
        try {
            return library.sets();
        } catch (IOException e) {
            throw storage("listing the prompt sets", e);
        }
    }

    @Override
    public List<Row> list(String set) throws PromptsException {
        check(set, "set");
        try {
            return library.list(set).stream()
                    .map(p -> new Row(p.name(), p.origin(), p.durationMs(), p.builtIn())).toList();
        } catch (IOException e) {
            throw storage("listing prompt set " + set, e);
        }
    }

    @Override
    public Saved upload(String set, String name, byte[] wav, String user) throws PromptsException {
        writable(set, name);
        WavImport.Imported imported;
        try {
            imported = WavImport.convert(wav);
        } catch (WavImportException e) {
            log.info("{} uploaded {}/{}: refused ({}: {})", user, set, name, e.reason(), e.getMessage());
            throw new PromptsException(Reason.BAD_AUDIO, e.getMessage(), null, "prompts.error.audio." + e.reason().name());
        }
        try {
            library.save(set, name, imported.alaw());
        } catch (IOException e) {
            throw storage("saving prompt " + set + "/" + name, e);
        }
        log.info("{} uploaded prompt {}/{}: {}, gain {} dB", user, set, name, imported.source().describe(),
                Math.round(imported.gainDb()));
        return new Saved(set, name, imported.alaw().length / 8L, imported.source().describe(), imported.gainDb());
    }

    @Override
    public byte[] alaw(String set, String name) throws PromptsException {
        check(set, "set");
        check(name, "prompt");
        return library.resolve(set, name).orElseThrow(
                () -> new PromptsException(Reason.NOT_FOUND, "no prompt " + name + " in set " + set, null,
                        "prompts.error.notFound", set, name));
    }

    @Override
    public void delete(String set, String name, String user) throws PromptsException {
        writable(set, name);
        try {
            if (!library.delete(set, name)) {
                throw new PromptsException(Reason.NOT_FOUND, "set " + set + " has no prompt " + name + " of its own", null,
                        "prompts.error.notFound", set, name);
            }
        } catch (IOException e) {
            throw storage("deleting prompt " + set + "/" + name, e);
        }
        log.info("{} deleted prompt {}/{}", user, set, name);
    }

    private static void writable(String set, String name) throws PromptsException {
        check(set, "set");
        check(name, "prompt");
        if (PromptLibrary.isBuiltIn(set)) {
            throw new PromptsException(Reason.READ_ONLY, "the " + PromptLibrary.DEFAULT_SET
                    + " set is built in; upload into a set of your own and make it the active one");
        }
    }

    private static void check(String value, String what) throws PromptsException {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new PromptsException(Reason.BAD_NAME, "a " + what + " name is 1 to 40 lower-case letters, digits and '-'");
        }
    }

    private static PromptsException storage(String what, IOException e) {
        log.error("prompts: {} failed", what, e);
        return new PromptsException(Reason.STORAGE, "the prompt store failed");
    }
}
