package org.civic311.platform.notification.application;

/** Sends mail (SMTP in production, a local mail catcher in the demo, GreenMail in tests). */
public interface Mailer {
  /**
   * @throws MailRejected when the server refuses the recipient for good (a 5xx answer)
   * @throws Exception for anything that may work later (server away, timeouts, 4xx)
   */
  void send(OutgoingMail mail) throws Exception;

  /** The recipient was refused permanently: the address goes on the suppression list. */
  class MailRejected extends Exception {
    private static final long serialVersionUID = 1L;

    public MailRejected(String message) {
      super(message);
    }
  }
}
