package io.branchbox.firmware.uplink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Whether and how the box accepts commands from the central office (docs/MQTT.md, "Commands").
 *
 * <p>Off by default: with {@code enabled} false the box does not even subscribe to its command
 * topic. When enabled, every command must carry an HMAC-SHA256 made with the per-box key held in
 * {@code keyFile}, and be younger than {@code maxAge}.
 *
 * <p>Immutable; {@link #toString()} names the key file, never the key.
 *
 * @param enabled subscribe to {@code <prefix>/<site>/<box>/cmd/#} and act on verified commands
 * @param keyFile the shared key: the file's text with surrounding white space removed, UTF-8,
 *                at least {@link #MIN_KEY_BYTES} bytes; readable by the box only
 * @param maxAge  how far a command's {@code ts} may lie from the box's clock, either way
 */
public record CommandSettings(boolean enabled, Path keyFile, Duration maxAge) {

    /** Commands off. */
    public static final CommandSettings OFF = new CommandSettings(false, null, Duration.ofMinutes(5));

    /** 256 bits: as long as the HMAC-SHA256 output, so the key is not the weak point. */
    public static final int MIN_KEY_BYTES = 32;

    public CommandSettings {
        maxAge = maxAge == null ? Duration.ofMinutes(5) : maxAge;
    }

    /** Commands on with the key in {@code keyFile} and the default five minutes of tolerated age. */
    public static CommandSettings enabledWithKey(Path keyFile) {
        return new CommandSettings(true, keyFile, Duration.ofMinutes(5));
    }

    /** Checks the key file and the age limit; nothing to check when disabled. */
    void validate() throws UplinkException {
        if (!enabled) {
            return;
        }
        if (maxAge.toSeconds() < 1 || maxAge.compareTo(Duration.ofHours(1)) > 0) {
            throw new UplinkException(UplinkException.Reason.CONFIGURATION,
                    "command maxAge must be 1 s .. 1 h: " + maxAge);
        }
        loadKey();
    }

    /** Reads the key; called at start so a replaced key file takes effect at the next start. */
    Secret loadKey() throws UplinkException {
        if (keyFile == null) {
            throw new UplinkException(UplinkException.Reason.CONFIGURATION, "commands enabled without a key file");
        }
        String key;
        try {
            key = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UplinkException(UplinkException.Reason.CONFIGURATION, "command key file not readable: " + keyFile, e);
        }
        if (key.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new UplinkException(UplinkException.Reason.CONFIGURATION,
                    "command key in " + keyFile + " is shorter than " + MIN_KEY_BYTES + " bytes");
        }
        return Secret.of(key);
    }
}
