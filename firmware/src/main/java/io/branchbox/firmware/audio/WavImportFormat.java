package io.branchbox.firmware.audio;

import io.branchbox.firmware.audio.WavImportException.Reason;
import java.util.Locale;

/**
 * The samples of one parsed WAV file, decoded on demand into mono floats in [-1, 1] for
 * {@link WavImport}. Channels are averaged; frames outside the file read as 0, which is what the
 * resampler's filter needs at both ends.
 *
 * <p>Not thread-safe in the sense that {@code read} writes the caller's buffer; it keeps no state
 * of its own and reads {@code wav} without copying it.
 */
record WavImportFormat(Codec codec, int channels, int rate, byte[] wav, int off, long frames) {

    /** The sample codings converted here, with their size in bytes. */
    enum Codec {
        PCM_U8("8-bit PCM", 1),
        PCM_S16("16-bit PCM", 2),
        PCM_S24("24-bit PCM", 3),
        PCM_S32("32-bit PCM", 4),
        FLOAT32("32-bit float", 4),
        FLOAT64("64-bit float", 8),
        ALAW("A-law", 1),
        ULAW("μ-law", 1);

        final String label;
        final int bytes;

        Codec(String label, int bytes) {
            this.label = label;
            this.bytes = bytes;
        }

        static Codec of(int tag, int bits) throws WavImportException {
            Codec c = switch (tag) {
                case 1 -> switch (bits) {
                    case 8 -> PCM_U8;
                    case 16 -> PCM_S16;
                    case 24 -> PCM_S24;
                    case 32 -> PCM_S32;
                    default -> null;
                };
                case 3 -> bits == 32 ? FLOAT32 : bits == 64 ? FLOAT64 : null;
                case 6 -> bits == 8 ? ALAW : null;
                case 7 -> bits == 8 ? ULAW : null;
                default -> throw new WavImportException(Reason.UNSUPPORTED, "the file is " + codecName(tag)
                        + " inside a WAV; save it as PCM WAV (16-bit) and upload again");
            };
            if (c == null) {
                throw new WavImportException(Reason.UNSUPPORTED, bits + "-bit samples of WAV format " + tag
                        + " are not converted; save it as 16-bit PCM WAV");
            }
            return c;
        }

        private static String codecName(int tag) {
            String name = switch (tag) {
                case 0x0002 -> "MS ADPCM";
                case 0x0011 -> "IMA ADPCM";
                case 0x0031 -> "GSM 6.10";
                case 0x0050 -> "MPEG audio";
                case 0x0055 -> "MP3";
                case 0x0160, 0x0161 -> "WMA";
                case 0x0040 -> "G.721 ADPCM";
                case 0x0064 -> "G.726 ADPCM";
                default -> "an unknown codec";
            };
            return name + String.format(Locale.ROOT, " (format 0x%04X)", tag);
        }
    }

    /** Decodes frames {@code from .. from + n - 1} as mono into {@code dst[0..n)}. */
    void read(long from, int n, float[] dst) {
        int block = channels * codec.bytes;
        for (int i = 0; i < n; i++) {
            long frame = from + i;
            if (frame < 0 || frame >= frames) {
                dst[i] = 0;
                continue;
            }
            int at = off + (int) (frame * block);
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += sample(at + c * codec.bytes);
            }
            dst[i] = (float) (sum / channels);
        }
    }

    private double sample(int at) {
        byte[] w = wav;
        return switch (codec) {
            case PCM_U8 -> ((w[at] & 0xFF) - 128) / 128.0;
            case PCM_S16 -> (short) ((w[at] & 0xFF) | (w[at + 1] << 8)) / 32768.0;
            case PCM_S24 -> ((w[at] & 0xFF) | (w[at + 1] & 0xFF) << 8 | w[at + 2] << 16) / 8388608.0;
            case PCM_S32 -> int32(at) / 2147483648.0;
            case FLOAT32 -> finite(Float.intBitsToFloat(int32(at)));
            case FLOAT64 -> finite(Double.longBitsToDouble((int32(at) & 0xFFFFFFFFL) | (long) int32(at + 4) << 32));
            case ALAW -> G711.alawToLinear(w[at]) / 32768.0;
            case ULAW -> G711.ulawToLinear(w[at]) / 32768.0;
        };
    }

    private int int32(int at) {
        byte[] w = wav;
        return (w[at] & 0xFF) | (w[at + 1] & 0xFF) << 8 | (w[at + 2] & 0xFF) << 16 | w[at + 3] << 24;
    }

    /** Float files may hold NaN or values past full scale; the former is silence, the latter clips. */
    private static double finite(double v) {
        return Double.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
    }
}
