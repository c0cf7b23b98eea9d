package org.civic311.platform.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemExceptionTest {
  @Test
  void aDomainRuleBecomesA400NamingItsField() {
    Problem p =
        ProblemException.fromRule(new IllegalArgumentException("lat: must be between -90 and 90"))
            .problem();
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("lat");
              assertThat(e.message()).isEqualTo("must be between -90 and 90");
            });
  }

  @Test
  void aRuleWithoutAFieldStillReadsWell() {
    Problem p = ProblemException.fromRule(new IllegalArgumentException("nothing to say")).problem();
    assertThat(p.detail()).isEqualTo("nothing to say");
  }
}
