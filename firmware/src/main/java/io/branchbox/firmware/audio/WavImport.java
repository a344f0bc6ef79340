package io.branchbox.firmware.audio;

import io.branchbox.firmware.audio.WavImportException.Reason;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Turns an uploaded WAV file into a prompt: 8 kHz mono A-law, the line's own format.
 *
 * <p>Accepted: PCM 8-bit unsigned and 16/24/32-bit signed, 32/64-bit float, A-law and μ-law, in
 * plain or {@code WAVE_FORMAT_EXTENSIBLE} headers; 1..{@link #MAX_CHANNELS} channels, mixed down
 * to mono by averaging; any sample rate from 8000 to 48000 Hz, band-limited to 3.4 kHz and
 * resampled by {@link WavImportResampler}. Chunks other than {@code fmt } and {@code data}
 * (LIST, fact, cue, bext...) are skipped. Everything else is refused with a
 * {@link WavImportException} whose reason and message say what the file is.
 *
 * <p>Loudness: a file whose loudest sample is below {@link #QUIET_PEAK_DBFS} (a recording made
 * too quietly) is raised so that its peak reaches {@link #TARGET_PEAK_DBFS}, by at most
 * {@link #MAX_GAIN_DB}; louder files keep the technician's own level. The decision is made on the
 * file as uploaded, before band-limiting, so out-of-band content is never amplified into view.
 *
 * <p>Thread-safe: stateless; a conversion allocates the output and small working buffers and
 * runs on the calling thread (seconds for a long 48 kHz file), so never call it on the audio path.
 */
public final class WavImport {
    /** Longest prompt accepted. */
    public static final int MAX_SECONDS = 600;
    public static final int MIN_RATE = 8000;
    public static final int MAX_RATE = 48_000;
    public static final int MAX_CHANNELS = 8;
    public static final double QUIET_PEAK_DBFS = -20;
    public static final double TARGET_PEAK_DBFS = -3;
    public static final double MAX_GAIN_DB = 24;

    private static final int RIFF = Wav.RIFF;
    private static final int WAVE = Wav.WAVE;
    private static final int FMT = Wav.FMT;
    private static final int DATA = Wav.DATA;
    private static final int EXTENSIBLE = 0xFFFE;
    private static final int BLOCK = 8192;
    /** The 14 bytes after the format tag in every KSDATAFORMAT_SUBTYPE_* GUID of a WAV codec. */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
            0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    /** What the uploaded file was, for the technician's confirmation. */
    public record Source(String codec, int sampleRate, int channels, long frames) {
        public long durationMs() {
            return frames * 1000 / sampleRate;
        }

        /** E.g. "16-bit PCM, 44100 Hz, 2 channels, 3.2 s". */
        public String describe() {
            return String.format(Locale.ROOT, "%s, %d Hz, %d channel%s, %.1f s", codec, sampleRate, channels,
                    channels == 1 ? "" : "s", durationMs() / 1000.0);
        }
    }

    /** A converted prompt: {@code alaw} at 8 kHz mono, and the gain applied (0 when none). */
    public record Imported(byte[] alaw, Source source, double gainDb) {}

    private WavImport() {}

    /** Converts the bytes of a WAV file. */
    public static Imported convert(byte[] wav) throws WavImportException {
        WavImportFormat f = parse(wav);
        WavImportResampler.Source src = f::read;
        float[] buf = new float[BLOCK];
        double peak = 0;
        for (long at = 0; at < f.frames(); at += BLOCK) {
            int n = (int) Math.min(BLOCK, f.frames() - at);
            f.read(at, n, buf);
            for (int i = 0; i < n; i++) {
                peak = Math.max(peak, Math.abs(buf[i]));
            }
        }
        if (peak == 0) {
            throw new WavImportException(Reason.EMPTY, "the audio is silent from start to end");
        }
        double gain = 1;
        if (peak < dbToLinear(QUIET_PEAK_DBFS)) {
            gain = Math.min(dbToLinear(TARGET_PEAK_DBFS) / peak, dbToLinear(MAX_GAIN_DB));
        }
        byte[] alaw = f.rate() == WavImportResampler.OUT_RATE ? atLineRate(f, gain)
                : new WavImportResampler(f.rate()).toAlaw(src, f.frames(), gain);
        Source source = new Source(f.codec().label, f.rate(), f.channels(), f.frames());
        return new Imported(alaw, source, gain == 1 ? 0 : 20 * Math.log10(gain));
    }

    private static byte[] atLineRate(WavImportFormat f, double gain) {
        byte[] out = new byte[(int) f.frames()];
        float[] buf = new float[BLOCK];
        for (int at = 0; at < out.length; at += BLOCK) {
            int n = Math.min(BLOCK, out.length - at);
            f.read(at, n, buf);
            for (int i = 0; i < n; i++) {
                out[at + i] = G711.linearToAlaw((int) Math.round(buf[i] * gain * 32768));
            }
        }
        return out;
    }

    /** Reads the header and finds the samples; nothing is decoded yet. */
    static WavImportFormat parse(byte[] wav) throws WavImportException {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != RIFF || b.getInt(8) != WAVE) {
            throw new WavImportException(Reason.NOT_WAV, "not a WAV file (it does not begin with RIFF....WAVE)");
        }
        Fmt fmt = null;
        long pos = 12;
        while (pos + 8 <= wav.length) {
            int id = b.getInt((int) pos);
            long size = Integer.toUnsignedLong(b.getInt((int) pos + 4));
            int body = (int) pos + 8;
            long available = wav.length - (long) body;
            if (id == FMT) {
                if (size > available) {
                    throw new WavImportException(Reason.TRUNCATED, "the file ends inside its fmt chunk");
                }
                fmt = fmt(b, body, (int) size);
            } else if (id == DATA) {
                if (fmt == null) {
                    throw new WavImportException(Reason.MALFORMED, "the data chunk comes before the fmt chunk");
                }
                // streaming writers that cannot seek back leave 0xFFFFFFFF: the data runs to the end
                long length = size == 0xFFFFFFFFL ? available : size;
                if (length > available) {
                    throw new WavImportException(Reason.TRUNCATED, "the file is cut short: its data chunk declares "
                            + length + " bytes but only " + available + " follow");
                }
                return format(fmt, wav, body, length);
            }
            pos = body + size + (size & 1);
        }
        if (fmt == null) {
            throw new WavImportException(Reason.MALFORMED, "the WAV file has no fmt chunk");
        }
        throw new WavImportException(Reason.TRUNCATED, "the file ends before its audio (no data chunk)");
    }

    private record Fmt(int tag, int channels, int rate, int blockAlign, int bits) {}

    private static Fmt fmt(ByteBuffer b, int at, int size) throws WavImportException {
        if (size < 16) {
            throw new WavImportException(Reason.MALFORMED, "the fmt chunk is " + size + " bytes, less than 16");
        }
        int tag = b.getShort(at) & 0xFFFF;
        int channels = b.getShort(at + 2) & 0xFFFF;
        int rate = b.getInt(at + 4);
        int blockAlign = b.getShort(at + 12) & 0xFFFF;
        int bits = b.getShort(at + 14) & 0xFFFF;
        if (tag == EXTENSIBLE) {
            if (size < 40) {
                throw new WavImportException(Reason.MALFORMED, "WAVE_FORMAT_EXTENSIBLE fmt chunk of " + size
                        + " bytes, less than 40");
            }
            tag = b.getShort(at + 24) & 0xFFFF;
            for (int i = 0; i < GUID_TAIL.length; i++) {
                if (b.get(at + 26 + i) != GUID_TAIL[i]) {
                    throw new WavImportException(Reason.UNSUPPORTED,
                            "WAVE_FORMAT_EXTENSIBLE with a sub-format that is not a WAV codec; save it as PCM WAV");
                }
            }
        }
        return new Fmt(tag, channels, rate, blockAlign, bits);
    }

    private static WavImportFormat format(Fmt f, byte[] wav, int off, long length) throws WavImportException {
        WavImportFormat.Codec codec = WavImportFormat.Codec.of(f.tag(), f.bits());
        if (f.channels() < 1 || f.channels() > MAX_CHANNELS) {
            throw new WavImportException(Reason.UNSUPPORTED, "the file has " + f.channels()
                    + " channels; 1 to " + MAX_CHANNELS + " are converted");
        }
        if (f.rate() < MIN_RATE || f.rate() > MAX_RATE) {
            throw new WavImportException(Reason.UNSUPPORTED, "the sample rate is " + Integer.toUnsignedString(f.rate())
                    + " Hz; " + MIN_RATE + " to " + MAX_RATE + " Hz are converted");
        }
        if (f.blockAlign() != f.channels() * codec.bytes) {
            throw new WavImportException(Reason.MALFORMED, "block align " + f.blockAlign() + " does not fit "
                    + f.channels() + " channel(s) of " + codec.label);
        }
        long frames = length / f.blockAlign();
        if (frames == 0) {
            throw new WavImportException(Reason.EMPTY, "the WAV file holds no audio");
        }
        if (frames > (long) MAX_SECONDS * f.rate()) {
            throw new WavImportException(Reason.TOO_LONG, "the audio lasts " + frames / f.rate()
                    + " s; a prompt may last at most " + MAX_SECONDS + " s");
        }
        return new WavImportFormat(codec, f.channels(), f.rate(), wav, off, frames);
    }

    private static double dbToLinear(double db) {
        return Math.pow(10, db / 20);
    }
}
