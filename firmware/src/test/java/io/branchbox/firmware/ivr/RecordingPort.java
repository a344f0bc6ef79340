package io.branchbox.firmware.ivr;

import io.branchbox.firmware.config.BoxConfig;
import java.util.ArrayList;
import java.util.List;

/** An {@link IvrPort} that writes every call down as one line and lets the test end prompts. */
class RecordingPort implements IvrPort {
    final List<String> events = new ArrayList<>();
    final List<Runnable> whenDones = new ArrayList<>();
    Outcome outcome;

    @Override
    public void play(String prompt, Runnable whenDone) {
        events.add("play " + prompt);
        whenDones.add(whenDone);
    }

    @Override
    public void stopPrompt() {
        events.add("stop");
    }

    @Override
    public void journal(String menu, String key, BoxConfig.Step step) {
        events.add("journal " + menu + " '" + key + "' " + step.action() + " " + step.target());
    }

    @Override
    public void finish(Outcome o) {
        events.add("finish " + o.step().action() + " " + o.step().target() + " priority " + o.priority());
        outcome = o;
    }

    /** The prompt played last ends, as the audio side would report it. */
    void promptEnds() {
        whenDones.getLast().run();
    }

    /** Events since the last call, then forgets them: each step of a test checks only its own. */
    List<String> take() {
        List<String> copy = List.copyOf(events);
        events.clear();
        return copy;
    }
}
