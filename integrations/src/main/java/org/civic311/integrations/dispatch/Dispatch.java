package org.civic311.integrations.dispatch;

import org.civic311.integrations.config.DepartmentConnection;

/**
 * One event, ready to leave for one department: the connection (secrets opened), the JSON body and
 * its idempotency key ({@code <request id>:<seq>}); for a mailbox, the message ({@code mail}, null
 * otherwise); for a remote Open311 server, what to forward ({@code open311}, null otherwise).
 */
public record Dispatch(
    String city,
    DepartmentConnection connection,
    String idempotencyKey,
    String eventType,
    String body,
    org.civic311.platform.notification.application.OutgoingMail mail,
    org.civic311.integrations.connector.open311.Open311Forward open311,
    SftpFile sftp) {

  /** A file for an SFTP server: where it goes, its name and its bytes. */
  public record SftpFile(
      org.civic311.integrations.config.SftpDrop.Settings settings, String name, byte[] content) {}

  @Override
  public String toString() {
    return "Dispatch[" + idempotencyKey + " to " + connection + "]";
  }
}
