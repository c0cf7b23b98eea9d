package org.civic311.platform.shared.application;

/**
 * Thrown by an {@link OutboxConsumer} whose receiver refused the event for good (a department
 * system answering 4xx: a bad request, a wrong token, an unknown address): sending it again would
 * be refused again, so the {@link OutboxDispatcher} keeps it as dead at once, with this message as
 * the reason, for an administrator to replay (after fixing the cause) or discard.
 */
public class DeliveryRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DeliveryRefused(String reason) {
    super(reason, null, false, false);
  }
}
