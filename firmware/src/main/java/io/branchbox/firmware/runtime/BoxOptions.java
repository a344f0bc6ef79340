package io.branchbox.firmware.runtime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The box's command-line options.
 *
 * <pre>
 *   --config FILE     the configuration document (default: DATA/box.json; created with the
 *                     factory document when missing)
 *   --data DIR        database, journal, recordings, outbox, captures, logs (default: ./data)
 *   --device PATH     the board's serial device; overrides board.device of the document
 *   --web-port N      overrides web.port of the document (0: any free port)
 *   --help
 * </pre>
 */
public record BoxOptions(Path dataDir, Optional<Path> config, Optional<String> device, Optional<Integer> webPort,
        boolean help) {

    public static final String USAGE = """
            usage: box [--config FILE] [--data DIR] [--device PATH] [--web-port N]
              --config FILE   configuration document (default DATA/box.json, created on first start)
              --data DIR      data directory (default ./data)
              --device PATH   board serial device, e.g. /dev/ttyACM0 (overrides board.device)
              --web-port N    web admin port (overrides web.port; 0 = any free port)""";

    /** The document's path: {@code --config} or {@code <data>/box.json}. */
    public Path configPath() {
        return config.orElse(dataDir.resolve("box.json"));
    }

    /** Parses options; throws {@link IllegalArgumentException} with a readable message. */
    public static BoxOptions parse(String... args) {
        Path data = Path.of("data");
        Optional<Path> config = Optional.empty();
        Optional<String> device = Optional.empty();
        Optional<Integer> port = Optional.empty();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> help = true;
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--config" -> config = Optional.of(Path.of(value(args, ++i, a)));
                case "--device" -> device = Optional.of(value(args, ++i, a));
                case "--web-port" -> {
                    String v = value(args, ++i, a);
                    try {
                        port = Optional.of(Integer.parseInt(v));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--web-port needs a number, got '" + v + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        return new BoxOptions(data, config, device, port, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
