package org.civic311.integrations.dispatch;

import org.civic311.integrations.config.DepartmentConnection;

/**
 * One event, ready to leave for one department: the connection (secrets opened), the JSON body and
 * its idempotency key ({@code <request id>:<seq>}); for a mailbox, the message ({@code mail}, null
 * otherwise).
 */
public record Dispatch(
    String city,
    DepartmentConnection connection,
    String idempotencyKey,
    String eventType,
    String body,
    org.civic311.platform.notification.application.OutgoingMail mail) {

  @Override
  public String toString() {
    return "Dispatch[" + idempotencyKey + " to " + connection + "]";
  }
}
