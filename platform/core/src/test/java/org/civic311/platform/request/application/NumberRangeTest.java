package org.civic311.platform.request.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A request number's prefix as the range of ids that start with it. */
class NumberRangeTest {
  @Test
  void aPrefixIsTheRangeOfIdsThatStartWithIt() {
    UUID[] range = RequestWorkService.numberRange(" 3F2B8A64-5d ");
    assertThat(range[0]).isEqualTo(UUID.fromString("3f2b8a64-5d00-0000-0000-000000000000"));
    assertThat(range[1]).isEqualTo(UUID.fromString("3f2b8a64-5dff-ffff-ffff-ffffffffffff"));
  }

  @Test
  void aWholeNumberIsItself() {
    UUID id = UUID.randomUUID();
    UUID[] range = RequestWorkService.numberRange(id.toString().replace("-", ""));
    assertThat(range[0]).isEqualTo(id);
    assertThat(range[1]).isEqualTo(id);
  }

  @Test
  void tooShortOrNotHexIsRefusedNamingNumber() {
    assertThat(RequestWorkService.numberRange(" ")).isNull();
    for (String wrong :
        new String[] {"3f2b8a6", "3f2b8a6z", "3f2b8a64-5d1e-4c57-9a0e-2c6f1e7b9d41a"}) {
      assertThatThrownBy(() -> RequestWorkService.numberRange(wrong))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("number: ");
    }
  }
}
