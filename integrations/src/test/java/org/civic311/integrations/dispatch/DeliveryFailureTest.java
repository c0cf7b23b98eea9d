package org.civic311.integrations.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

class DeliveryFailureTest {
  private static HttpOperationFailedException http(int status, String body) {
    return new HttpOperationFailedException(
        "http://dept.example.org/in", status, "status", null, Map.of(), body);
  }

  @Test
  void aRefusalIsPermanentWithTheStatusAndTheStartOfTheAnswer() {
    DeliveryFailure f = DeliveryFailure.of(http(422, "{\"error\": \"unknown\n service code\"}"));
    assertThat(f.permanent()).isTrue();
    assertThat(f.reason())
        .isEqualTo("HTTP 422 from the department's system: {\"error\": \"unknown service code\"}");
    assertThat(DeliveryFailure.of(http(401, null)).permanent()).isTrue();
    assertThat(DeliveryFailure.of(http(404, "x".repeat(1000))).reason()).hasSizeLessThan(400);
  }

  @Test
  void serverErrorsTimeoutsAndThrottlingAreRetried() {
    for (int status : new int[] {500, 502, 503, 504, 408, 429}) {
      assertThat(DeliveryFailure.of(http(status, "busy")).permanent()).as("" + status).isFalse();
    }
    assertThat(DeliveryFailure.of(new ConnectException("Connection refused")).permanent())
        .isFalse();
    assertThat(
            DeliveryFailure.of(new IllegalStateException(new SocketTimeoutException("Read")))
                .reason())
        .startsWith("no answer in time");
  }

  @Test
  void aMailboxTheMailServerRefusesIsPermanentButAMailServerAwayIsRetried() {
    DeliveryFailure refused =
        DeliveryFailure.of(
            new org.apache.camel.CamelExecutionException(
                "failed",
                null,
                new org.civic311.platform.notification.application.Mailer.MailRejected(
                    "roads@x.example refused: 550 5.1.1 User unknown")));
    assertThat(refused.permanent()).isTrue();
    assertThat(refused.reason()).contains("550 5.1.1 User unknown");
    assertThat(
            DeliveryFailure.of(
                    new jakarta.mail.MessagingException("Could not connect to SMTP host"))
                .permanent())
        .isFalse();
  }
}
