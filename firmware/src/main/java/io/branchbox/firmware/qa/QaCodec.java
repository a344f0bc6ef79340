package io.branchbox.firmware.qa;

import static io.branchbox.firmware.qa.QaEventTypes.BY;
import static io.branchbox.firmware.qa.QaEventTypes.COMMENT;
import static io.branchbox.firmware.qa.QaEventTypes.FATAL;
import static io.branchbox.firmware.qa.QaEventTypes.FORM_ID;
import static io.branchbox.firmware.qa.QaEventTypes.FORM_VERSION;
import static io.branchbox.firmware.qa.QaEventTypes.LIVE;
import static io.branchbox.firmware.qa.QaEventTypes.MARKS;
import static io.branchbox.firmware.qa.QaEventTypes.POINTS;
import static io.branchbox.firmware.qa.QaEventTypes.REPLACES;
import static io.branchbox.firmware.qa.QaEventTypes.SCORE_ID;
import static io.branchbox.firmware.qa.QaEventTypes.TOTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.qa.form.ScoringForm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one owner of how QA values sit in journal attributes: scores, marks and forms as JSON
 * strings inside the event's string attributes. Thread-safe (Jackson's mapper is).
 */
public final class QaCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Integer>> POINTS_TYPE = new TypeReference<>() {};
    private static final TypeReference<List<String>> IDS_TYPE = new TypeReference<>() {};
    private static final TypeReference<List<Mark>> MARKS_TYPE = new TypeReference<>() {};

    private QaCodec() {}

    /** The attributes of a {@link QaEventTypes#SCORED} or {@link QaEventTypes#CHANGED} event. */
    public static Map<String, String> scoreAttrs(Score s) {
        Map<String, String> a = new HashMap<>();
        a.put(SCORE_ID, s.scoreId());
        a.put(FORM_ID, s.formId());
        a.put(FORM_VERSION, Integer.toString(s.formVersion()));
        a.put(POINTS, write(s.points()));
        a.put(FATAL, write(List.copyOf(s.fatal())));
        a.put(MARKS, write(s.marks()));
        a.put(TOTAL, Integer.toString(s.total()));
        a.put(COMMENT, s.comment());
        a.put(BY, s.by());
        a.put(LIVE, Boolean.toString(s.live()));
        if (s.replaces() != null) {
            a.put(REPLACES, s.replaces());
        }
        return a;
    }

    /** The score a {@link QaEventTypes#SCORED} or {@link QaEventTypes#CHANGED} event carries. */
    public static Score score(JournalEvent e) {
        return new Score(e.attr(SCORE_ID), e.callId(), e.agentId(), e.attr(FORM_ID),
                Integer.parseInt(e.attr(FORM_VERSION)), read(e.attr(POINTS), POINTS_TYPE),
                Set.copyOf(read(e.attr(FATAL), IDS_TYPE)), read(e.attr(MARKS), MARKS_TYPE),
                Integer.parseInt(e.attr(TOTAL)), e.attr(COMMENT), e.attr(BY), e.at(),
                Boolean.parseBoolean(e.attr(LIVE)), e.attr(REPLACES));
    }

    /** A form as JSON (the {@link QaEventTypes#FORM} attribute, and the web admin's form editor). */
    public static String formJson(ScoringForm f) {
        return write(f);
    }

    /** Reads {@link #formJson}; throws {@link IllegalArgumentException} on anything that is not a valid form. */
    public static ScoringForm form(String json) {
        try {
            return JSON.readValue(json, ScoringForm.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("not a scoring form: " + cause.getMessage(), e);
        }
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + o.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json == null ? "[]" : json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad QA attribute: " + e.getOriginalMessage(), e);
        }
    }
}
