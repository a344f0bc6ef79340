package io.branchbox.firmware.console;

import java.util.List;

/**
 * Earlier calls of a number, read from the call records (a view of the journal).
 *
 * <p>Threading: may block on the database; never call it on the audio path. The console calls it
 * off the signalling thread.
 */
public interface CallerHistory {
    /** Up to {@code limit} earlier calls with {@code number}, newest first; empty for "" (withheld). */
    List<EarlierCall> earlierCalls(String number, int limit);
}
