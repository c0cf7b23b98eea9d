package org.civic311.integrations.dispatch;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * What a failed delivery means. A department that answers 5xx, 408 or 429, times out, or cannot be
 * reached may take the event later: the outbox retries it with backoff. Any other answer (4xx, or a
 * redirect, which is not followed) is a refusal: sending the same event again would be refused
 * again, so it becomes a dead letter at once, with the reason, for the administrator.
 *
 * @param permanent whether retrying cannot help
 * @param reason one line for the health page and the dead letter (no secrets: only the status, the
 *     start of the department's answer, or the exception's message)
 */
public record DeliveryFailure(boolean permanent, String reason) {
  static final int BODY_EXCERPT = 300;

  public static DeliveryFailure of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpOperationFailedException http) {
        int status = http.getStatusCode();
        boolean transientStatus = status >= 500 || status == 408 || status == 429;
        String body = http.getResponseBody() == null ? "" : http.getResponseBody().strip();
        if (body.length() > BODY_EXCERPT) {
          body = body.substring(0, BODY_EXCERPT) + "...";
        }
        String text =
            "HTTP "
                + status
                + (status >= 300 && status < 400 && http.getRedirectLocation() != null
                    ? " redirect to " + http.getRedirectLocation() + " (not followed)"
                    : "")
                + " from the department's system"
                + (body.isEmpty() ? "" : ": " + body.replaceAll("\\s+", " "));
        return new DeliveryFailure(!transientStatus, text);
      }
      if (t instanceof org.civic311.platform.notification.application.Mailer.MailRejected m) {
        return new DeliveryFailure(true, "the mail server refused the mailbox: " + m.getMessage());
      }
      if (t instanceof com.jcraft.jsch.JSchException
          && t.getMessage() != null
          && (t.getMessage().contains("HostKey") || t.getMessage().startsWith("Auth "))) {
        // the server is not the one configured (its host key differs), or it refused the user:
        // trying again cannot help until an administrator fixes the settings
        return new DeliveryFailure(
            true,
            "the SFTP server refused: "
                + t.getMessage()
                + (t.getMessage().contains("HostKey")
                    ? " (its host key does not match host_key_fingerprint)"
                    : ""));
      }
      if (t instanceof ConnectException) {
        return new DeliveryFailure(false, "cannot connect: " + t.getMessage());
      }
      if (t instanceof SocketTimeoutException) {
        return new DeliveryFailure(false, "no answer in time: " + t.getMessage());
      }
      if (t instanceof UnknownHostException) {
        return new DeliveryFailure(false, "unknown host: " + t.getMessage());
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new DeliveryFailure(false, root.getClass().getSimpleName() + ": " + root.getMessage());
  }
}
