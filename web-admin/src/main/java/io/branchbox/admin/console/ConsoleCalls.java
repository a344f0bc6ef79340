package io.branchbox.admin.console;

import io.branchbox.firmware.console.AgentConsole;
import io.branchbox.firmware.console.ConsoleException;
import io.branchbox.firmware.console.Refusal;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs one console action and waits for call control's answer, bounded by a timeout on the
 * injected {@link Scheduler}, so that a stuck signalling thread costs the agent an error message
 * rather than a hung page and a Jetty thread.
 *
 * <p>Every way an action can be refused ends as one {@link Refused} (the web side's only console
 * exception): no console attached (503 {@code console-unavailable}), no answer in time (503
 * {@code timeout}), or a {@link ConsoleException} with its own code (409, or 400/404 where the
 * code says the request named something that does not exist). Anything else is a bug and is
 * rethrown for the server's 500 handler.
 *
 * <p>Threading: {@link #attach} and {@link #call} from any thread; {@code call} blocks the calling
 * Jetty thread until the answer or the timeout.
 */
final class ConsoleCalls {
    static final String UNAVAILABLE = "console-unavailable";
    static final String TIMEOUT = "timeout";

    private record Binding(AgentConsole console, Scheduler timeouts) {}

    private final Duration timeout;
    private volatile Binding binding;

    ConsoleCalls(Duration timeout) {
        this.timeout = timeout;
    }

    /** Attaches call control's console ({@code null} detaches it: every action answers 503). */
    void attach(AgentConsole console, Scheduler timeouts) {
        binding = console == null ? null : new Binding(console, timeouts);
    }

    /** The action's result, or {@link Refused}. */
    <T> T call(Function<AgentConsole, CompletableFuture<T>> action) {
        Binding b = binding;
        if (b == null) {
            throw new Refused(503, UNAVAILABLE, "the agent console is not available on this box");
        }
        CompletableFuture<T> bounded = new CompletableFuture<>();
        // armed before the action starts, so that the deadline exists whatever the action does
        Scheduler.Timer timer = b.timeouts().schedule(timeout, () -> bounded.completeExceptionally(new TimeoutException()));
        try {
            action.apply(b.console()).whenComplete((value, failure) -> {
                timer.cancel();
                if (failure == null) {
                    bounded.complete(value);
                } else {
                    bounded.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            // an implementation that throws instead of failing its future
            timer.cancel();
            bounded.completeExceptionally(e);
        }
        try {
            return bounded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(503, TIMEOUT, "the request was interrupted");
        } catch (ExecutionException | CancellationException e) {
            throw translate(e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    private RuntimeException translate(Throwable cause) {
        Throwable c = cause;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof ConsoleException e) {
            return new Refused(statusOf(e.reason()), e.code(), e.getMessage());
        }
        if (c instanceof TimeoutException || c instanceof CancellationException) {
            return new Refused(503, TIMEOUT, "call control did not answer within " + timeout.toSeconds() + " s; try again");
        }
        if (c instanceof RuntimeException e) {
            return e;
        }
        return new IllegalStateException("console action failed", c);
    }

    /** The HTTP status for a {@link ConsoleException#reason()}. */
    static int statusOf(Refusal reason) {
        return switch (reason) {
            case BAD_CODE -> 400;
            case NO_SUCH_AGENT, NO_SUCH_QUEUE -> 404;
            case NOT_LOGGED_IN, NO_CALL, SEAT_TAKEN, BUSY, BAD_NUMBER, WRONG_STATE, NO_SEAT, EMPTY, UNAVAILABLE -> 409;
        };
    }

    /** A console action that was not carried out: HTTP status, stable code, words for the agent. */
    static final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        String code() {
            return code;
        }
    }
}
