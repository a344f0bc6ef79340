package io.branchbox.firmware.runtime;

import io.branchbox.firmware.uplink.MqttLink;
import io.branchbox.firmware.uplink.PahoLinks;
import io.branchbox.firmware.uplink.UplinkException;
import io.branchbox.firmware.uplink.UplinkSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection attempt with uplink settings that are not (yet) in use: connect, then disconnect
 * at once. The probe uses its own client id, so the running uplink keeps its session. Blocks the
 * calling thread for at most {@code timeout}; never throws.
 */
public final class UplinkProbe {
    /** How the attempt ended. */
    public enum Outcome { CONNECTED, REFUSED, UNREACHABLE }

    /** The outcome and a short detail for the technician (never a secret). */
    public record Result(Outcome outcome, String detail) {}

    private UplinkProbe() {}

    public static Result test(UplinkSettings settings, Duration timeout) {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        MqttLink link;
        try {
            link = PahoLinks.create(settings, new MqttLink.Events() {
                @Override
                public void connected() {
                    connected.complete(null);
                }

                @Override
                public void connectFailed(Throwable cause) {
                    connected.completeExceptionally(cause);
                }

                @Override
                public void lost(Throwable cause) {
                    connected.completeExceptionally(cause);
                }

                @Override
                public void published(long tag) {
                    // the probe publishes nothing
                }

                @Override
                public void publishFailed(long tag, Throwable cause) {
                    // the probe publishes nothing
                }

                @Override
                public void messageArrived(String topic, byte[] payload) {
                    // the probe subscribes to nothing
                }

                @Override
                public void subscribeFailed(String filter, Throwable cause) {
                    // the probe subscribes to nothing
                }
            });
        } catch (UplinkException | RuntimeException e) {
            return new Result(Outcome.UNREACHABLE, detail(e));
        }
        try {
            // a Will is required by the link; it is never sent because the probe disconnects cleanly
            link.connect(new MqttLink.Message(settings.topicPrefix() + "/probe", "probe".getBytes(StandardCharsets.UTF_8),
                    0, false));
            connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(Outcome.CONNECTED, settings.serverUri());
        } catch (ExecutionException e) {
            String d = detail(e.getCause());
            boolean refused = d.toLowerCase().contains("auth") || d.toLowerCase().contains("not authorized")
                    || d.toLowerCase().contains("bad user") || d.toLowerCase().contains("certificate");
            return new Result(refused ? Outcome.REFUSED : Outcome.UNREACHABLE, d);
        } catch (TimeoutException e) {
            return new Result(Outcome.UNREACHABLE, "no answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.UNREACHABLE, "interrupted");
        } finally {
            try {
                link.disconnect();
            } catch (RuntimeException e) {
                // not connected: nothing to close politely
            }
            link.close();
        }
    }

    private static String detail(Throwable t) {
        String m = t == null ? "" : t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.length() > 200 ? m.substring(0, 200) : m;
    }
}
