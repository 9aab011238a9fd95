package org.mtb.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void acceptsTheStandardsExampleWithCheckCharacterX() {
        assertThat(ResidentIdNumber.problem("11010519491231002X", TODAY)).isNull();
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void acceptsALowerCaseCheckCharacter() {
        assertThat(ResidentIdNumber.problem("11010519491231002x", TODAY)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "110105194912310021, the check character does not match",
        "11010519491231002, must be 18 characters",
        "1101051949123100200, must be 18 characters",
        "11010519A91231002X, the first 17 characters must be digits",
        "110105194902300020, characters 7-14 must be a real date of birth",
        "110105203001010020, characters 7-14 must be a real date of birth"
    })
    void explainsWhatIsWrong(String idNumber, String problem) {
        assertThat(ResidentIdNumber.problem(idNumber, TODAY)).isEqualTo(problem);
    }

    @Test
    void everyComputedCheckCharacterValidates() {
        for (int day = 1; day <= 28; day++) {
            String first17 = "6209002001%02d%02d123".formatted(day % 12 + 1, day);
            String full = first17 + ResidentIdNumber.checkCharacter(first17);
            assertThat(ResidentIdNumber.problem(full, TODAY)).as(full).isNull();
        }
    }
}
