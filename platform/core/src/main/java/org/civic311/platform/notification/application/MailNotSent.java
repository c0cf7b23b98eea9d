package org.civic311.platform.notification.application;

/**
 * The mail server could not take a message now (away, timing out, a temporary refusal). The
 * message's transaction rolls back, so its sent mark goes too and a retry sends it.
 */
public class MailNotSent extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MailNotSent(Throwable cause) {
    super("The mail server did not take the message: " + cause.getMessage(), cause);
  }
}
