package io.branchbox.rig.isdn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A call-record book kept from the callbacks of each side: every call is opened once when that
 * side first hears of it and must end exactly once, with a cause. Anything else (an end for a
 * call never opened, a second end) is written down as an anomaly, not thrown, so a soak reports
 * all of them at once.
 *
 * <p>Calls are told apart by identity (the objects the callbacks pass). Test thread only.
 */
final class CallLedger {
    /** Whose records: the box's incoming calls, its outgoing calls, the carrier's calls. */
    enum Book { BOX_IN, BOX_OUT, CARRIER }

    private static final int MAX_ANOMALIES = 50;

    private final Map<Book, Map<Object, String>> open = new EnumMap<>(Book.class);
    private final Map<Book, Set<Object>> ended = new EnumMap<>(Book.class);
    private final Map<Book, Integer> opened = new EnumMap<>(Book.class);
    private final Map<Book, Map<Integer, Integer>> causes = new EnumMap<>(Book.class);
    private final List<String> anomalies = new ArrayList<>();
    private long anomalyCount;

    CallLedger() {
        for (Book b : Book.values()) {
            open.put(b, new IdentityHashMap<>());
            ended.put(b, Collections.newSetFromMap(new IdentityHashMap<>()));
            opened.put(b, 0);
            causes.put(b, new TreeMap<>());
        }
    }

    void open(Book book, Object call, String label) {
        if (isKnown(book, call)) {
            return;
        }
        open.get(book).put(call, label);
        opened.merge(book, 1, Integer::sum);
    }

    boolean isKnown(Book book, Object call) {
        return open.get(book).containsKey(call) || ended.get(book).contains(call);
    }

    boolean isOpen(Book book, Object call) {
        return open.get(book).containsKey(call);
    }

    void end(Book book, Object call, int cause) {
        if (ended.get(book).contains(call)) {
            anomaly(book + " " + call + " ended twice, again with cause " + cause);
            return;
        }
        if (open.get(book).remove(call) == null) {
            anomaly(book + " " + call + " ended (cause " + cause + ") but was never opened");
        }
        ended.get(book).add(call);
        causes.get(book).merge(cause, 1, Integer::sum);
    }

    int opened(Book book) {
        return opened.get(book);
    }

    int ended(Book book) {
        return ended.get(book).size();
    }

    /** Calls of {@code book} still without an end, with their labels. */
    List<String> stillOpen(Book book) {
        return List.copyOf(open.get(book).values());
    }

    /** Ends per cause, ascending by cause. */
    Map<Integer, Integer> causes(Book book) {
        return Collections.unmodifiableMap(causes.get(book));
    }

    List<String> anomalies() {
        return List.copyOf(anomalies);
    }

    long anomalyCount() {
        return anomalyCount;
    }

    private void anomaly(String text) {
        anomalyCount++;
        if (anomalies.size() < MAX_ANOMALIES) {
            anomalies.add(text);
        }
    }
}
