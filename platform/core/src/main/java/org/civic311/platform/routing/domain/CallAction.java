package org.civic311.platform.routing.domain;

/**
 * Where a call goes: the agents' {@code queue}, {@code forward} to a number, {@code voicemail}, or
 * the after-hours {@code trouble_line} (urgent categories only, forwarded to the on-call number).
 */
public record CallAction(Kind kind, String queue, PhoneNumber forwardTo) {
  public enum Kind {
    QUEUE,
    FORWARD,
    VOICEMAIL,
    TROUBLE_LINE
  }

  public CallAction {
    if (kind == null) {
      throw new IllegalArgumentException(
          "action: is required (queue, forward, voicemail, trouble_line)");
    }
    if (kind == Kind.QUEUE && (queue == null || !queue.matches("[a-z0-9-]{1,64}"))) {
      throw new IllegalArgumentException("queue: a queue name (a-z, 0-9, -) is required");
    }
    if ((kind == Kind.FORWARD || kind == Kind.TROUBLE_LINE) && forwardTo == null) {
      throw new IllegalArgumentException("forward_to: a number to forward to is required");
    }
  }
}
