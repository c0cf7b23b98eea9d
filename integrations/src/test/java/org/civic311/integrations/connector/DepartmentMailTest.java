package org.civic311.integrations.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civic311.integrations.connector.email.DepartmentMail;
import org.civic311.platform.notification.application.MailIdentity;
import org.civic311.platform.notification.application.OutgoingMail;
import org.junit.jupiter.api.Test;

class DepartmentMailTest {
  private static final MailIdentity LETHBRIDGE =
      new MailIdentity(
          "lethbridge",
          "City of Lethbridge",
          "311@lethbridge.example.org",
          "Lethbridge 311",
          null,
          List.of("en"),
          500,
          "#005a9c",
          true);
  private static final String BODY =
      "{\"idempotency_key\":\"0b7c5f0e-3d1a-4c59-9a64-0d2f0f1c7a21:2\",\"department\":\"roads\","
          + "\"event\":{\"seq\":2,\"type\":\"status_changed\",\"status\":\"in_progress\","
          + "\"public_note\":\"<b>Crew</b> on its way\",\"occurred_at\":\"2026-11-25T10:12:00-07:00\"},"
          + "\"service_request\":{\"service_request_id\":\"0b7c5f0e-3d1a-4c59-9a64-0d2f0f1c7a21\","
          + "\"service_code\":\"pothole\",\"service_name\":\"Pothole\",\"description\":\"Deep\","
          + "\"channel\":\"web\",\"lat\":49.6935,\"long\":-112.8418}}";

  @Test
  void aChangeBecomesAMessageAPersonCanSortAndAScriptCanRead() {
    OutgoingMail mail =
        DepartmentMail.of(
            LETHBRIDGE,
            "Roads",
            "roads@lethbridge.example.org",
            "0b7c5f0e-3d1a-4c59-9a64-0d2f0f1c7a21:2",
            BODY);
    assertThat(mail.subject())
        .isEqualTo("[City of Lethbridge] Roads: Pothole 0b7c5f0e now in progress");
    assertThat(mail.to()).isEqualTo("roads@lethbridge.example.org");
    assertThat(mail.fromAddress()).isEqualTo("311@lethbridge.example.org");
    assertThat(mail.headers())
        .containsEntry(DepartmentMail.KEY_HEADER, "0b7c5f0e-3d1a-4c59-9a64-0d2f0f1c7a21:2");
    assertThat(mail.text()).contains("Status: in_progress", "Location: 49.6935, -112.8418", BODY);
    assertThat(mail.html()).contains("&lt;b&gt;Crew&lt;/b&gt;").doesNotContain("<b>Crew");
    // sent again after a failure, it is the same message
    assertThat(
            DepartmentMail.of(
                    LETHBRIDGE,
                    "Roads",
                    "roads@lethbridge.example.org",
                    "0b7c5f0e-3d1a-4c59-9a64-0d2f0f1c7a21:2",
                    BODY)
                .messageId())
        .isEqualTo(mail.messageId())
        .startsWith("<0b7c5f0e-3d1a-4c59-9a64-0d2f0f1c7a21.2.");
  }
}
