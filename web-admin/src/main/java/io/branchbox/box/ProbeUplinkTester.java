package io.branchbox.box;

import io.branchbox.admin.config.UplinkTester;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.firmware.runtime.UplinkProbe;
import io.branchbox.firmware.runtime.UplinkWiring;
import java.io.IOException;
import java.time.Duration;

/** The web admin's "test connection", with the runtime's site and data directory. */
final class ProbeUplinkTester implements UplinkTester {
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    private final BoxRuntime runtime;

    ProbeUplinkTester(BoxRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Result test(BoxConfig.Uplink uplink) {
        try {
            UplinkProbe.Result r = UplinkProbe.test(UplinkWiring.settings(runtime.config(), uplink, runtime.dataDir(),
                    "-probe"), TIMEOUT);
            return new Result(r.outcome() == UplinkProbe.Outcome.CONNECTED, switch (r.outcome()) {
                case CONNECTED -> "config.uplink.ok";
                case REFUSED -> "config.uplink.refused";
                case UNREACHABLE -> "config.uplink.unreachable";
            }, r.detail());
        } catch (IOException | RuntimeException e) {
            // a password or certificate file that cannot be read, or settings the link refuses
            return new Result(false, "config.uplink.badSettings", e.getClass().getSimpleName());
        }
    }
}
