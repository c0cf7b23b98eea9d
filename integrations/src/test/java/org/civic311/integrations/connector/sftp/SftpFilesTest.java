package org.civic311.integrations.connector.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SftpFilesTest {
  private static final String BODY =
      "{\"idempotency_key\":\"r1:2\",\"department\":\"roads\","
          + "\"event\":{\"seq\":2,\"type\":\"status_changed\",\"status\":\"in_progress\","
          + "\"public_note\":\"=HYPERLINK(\\\"x\\\")\",\"occurred_at\":\"2026-11-25T10:12:00Z\"},"
          + "\"service_request\":{\"service_request_id\":\"r1\",\"service_code\":\"pothole\","
          + "\"service_name\":\"Pothole\",\"description\":\"Deep, wide\",\"channel\":\"web\","
          + "\"lat\":49.6935,\"long\":-112.8418}}";

  @Test
  void aFileIsNamedByItsKeySortablePerRequest() {
    assertThat(SftpFiles.name("r1", 2, "json")).isEqualTo("r1_0000000002.json");
    assertThat(SftpFiles.name("r1", 10, "csv")).isEqualTo("r1_0000000010.csv");
  }

  @Test
  void jsonIsTheWebhooksBodyAndCsvOneQuotedDefusedRecord() {
    assertThat(new String(SftpFiles.content(BODY, "json"), StandardCharsets.UTF_8)).isEqualTo(BODY);
    String[] lines =
        new String(SftpFiles.content(BODY, "csv"), StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).isEqualTo(String.join(",", SftpFiles.COLUMNS));
    assertThat(lines[1])
        .isEqualTo(
            "r1:2,roads,2,status_changed,in_progress,,\"'=HYPERLINK(\"\"x\"\")\","
                + "2026-11-25T10:12:00Z,r1,pothole,Pothole,\"Deep, wide\",web,49.6935,-112.8418,"
                + ",,,,");
  }

  @Test
  void aHostKeyIsKnownOnlyByItsPinnedFingerprint() {
    byte[] key = "a host key blob".getBytes(StandardCharsets.UTF_8);
    String pin = PinnedSftpComponent.Pinned.fingerprintOf(key);
    assertThat(pin).startsWith("SHA256:").doesNotEndWith("=");
    assertThat(new PinnedSftpComponent.Pinned(pin).check("h", key))
        .isEqualTo(com.jcraft.jsch.HostKeyRepository.OK);
    assertThat(new PinnedSftpComponent.Pinned(pin + "=").check("h", key))
        .isEqualTo(com.jcraft.jsch.HostKeyRepository.OK);
    assertThat(new PinnedSftpComponent.Pinned(pin).check("h", new byte[] {1}))
        .isEqualTo(com.jcraft.jsch.HostKeyRepository.NOT_INCLUDED);
  }
}
