package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The survey's decision alone: which key is a rating, in which state. */
class SurveyRatingTest {

    @Test
    void oneTwoAndThreeAreTheRatings() {
        assertEquals(Optional.of('1'), Survey.rating(Call.State.SURVEY, '1'));
        assertEquals(Optional.of('3'), Survey.rating(Call.State.SURVEY, '3'));
    }

    @Test
    void anyOtherKeyIsIgnoredAndTheSurveyWaitsOn() {
        for (char key : "0456789*#".toCharArray()) {
            assertEquals(Optional.empty(), Survey.rating(Call.State.SURVEY, key), "key " + key);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Call.State.class, names = "SURVEY", mode = EnumSource.Mode.EXCLUDE)
    void aKeyOutsideTheSurveyIsNoRating(Call.State state) {
        assertEquals(Optional.empty(), Survey.rating(state, '1'));
    }
}
