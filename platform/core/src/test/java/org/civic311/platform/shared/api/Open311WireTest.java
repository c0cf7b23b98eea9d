package org.civic311.platform.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Open311WireTest {
  @Test
  void theErrorListHasTheStandardsShapeInBothFormats() {
    String xml = Open311Wire.errorBody(403, Open311Wire.Format.XML, "Invalid api_key & more");
    assertThat(xml)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .contains(
            "<errors><error><code>403</code><description>Invalid api_key &amp; more</description></error></errors>");
    String json =
        Open311Wire.errorBody(400, Open311Wire.Format.JSON, "jurisdiction_id was not provided.");
    assertThat(json)
        .isEqualTo("[{\"code\":400,\"description\":\"jurisdiction_id was not provided.\"}]");
  }

  @Test
  void formatsFollowThePathSuffix() {
    assertThat(Open311Wire.formatOf("open311/v2/services.json")).isEqualTo(Open311Wire.Format.JSON);
    assertThat(Open311Wire.formatOf("open311/v2/services.xml")).isEqualTo(Open311Wire.Format.XML);
    assertThat(Open311Wire.formatOf("open311/v2/unknown")).isEqualTo(Open311Wire.Format.XML);
  }

  @Test
  void timesHaveSecondsAndAnOffsetButNoFraction() {
    assertThat(Open311Wire.time(java.time.OffsetDateTime.parse("2026-11-25T10:50:00.123456Z")))
        .isEqualTo("2026-11-25T10:50:00Z");
    assertThat(Open311Wire.time(java.time.OffsetDateTime.parse("2026-11-25T03:50:07-07:00")))
        .isEqualTo("2026-11-25T03:50:07-07:00");
  }
}
