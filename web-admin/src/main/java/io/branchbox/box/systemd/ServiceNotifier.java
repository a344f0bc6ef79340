package io.branchbox.box.systemd;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the service manager what state the box is in (the sd_notify protocol).
 *
 * <p>The JVM cannot send the AF_UNIX datagram that {@code $NOTIFY_SOCKET} expects, so
 * {@link #fromEnvironment} runs {@code systemd-notify}, a child process; the unit therefore says
 * {@code NotifyAccess=all}. Outside systemd ({@code NOTIFY_SOCKET} unset: the demo, tests, a
 * technician's shell) it does nothing. Threading: {@link #send} blocks while the child runs (a few
 * milliseconds, at most 5 s), so callers keep it off the signalling and audio threads.
 */
@FunctionalInterface
public interface ServiceNotifier {

    /** The states the box reports. */
    enum State {
        READY("READY=1"),
        WATCHDOG("WATCHDOG=1"),
        STOPPING("STOPPING=1");

        final String assignment;

        State(String assignment) {
            this.assignment = assignment;
        }
    }

    /** Sends {@code state} with a one-line human status (shown by {@code systemctl status}). */
    void send(State state, String status);

    /** A notifier that says nothing: not run by systemd. */
    ServiceNotifier NONE = (state, status) -> {};

    /** The notifier for this process: through systemd-notify when systemd gave a socket, else {@link #NONE}. */
    static ServiceNotifier fromEnvironment(Map<String, String> env) {
        if (env.getOrDefault("NOTIFY_SOCKET", "").isEmpty()) {
            return NONE;
        }
        return new SystemdNotify();
    }

    /** Runs {@code systemd-notify STATE STATUS=…}; a failure is logged once per state, never thrown. */
    final class SystemdNotify implements ServiceNotifier {
        private static final Logger log = LoggerFactory.getLogger(SystemdNotify.class);
        private volatile boolean warned;

        @Override
        public void send(State state, String status) {
            List<String> cmd = List.of("systemd-notify", state.assignment, "STATUS=" + status.replace('\n', ' '));
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    warnOnce(state, "systemd-notify did not finish within 5 s");
                } else if (p.exitValue() != 0) {
                    warnOnce(state, "systemd-notify exited with " + p.exitValue());
                }
            } catch (IOException e) {
                warnOnce(state, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void warnOnce(State state, String why) {
            if (!warned) {
                warned = true;
                log.warn("could not tell systemd {}: {}", state, why);
            }
        }
    }
}
