package org.civic311.platform.notification.application;

import java.util.Map;

/**
 * A message ready to leave: plain text and HTML alternatives, extra headers (the RFC 8058
 * unsubscribe pair), and a Message-ID that stays the same if the message is ever sent again.
 */
public record OutgoingMail(
    String messageId,
    String fromAddress,
    String fromName,
    String replyTo,
    String to,
    String subject,
    String text,
    String html,
    Map<String, String> headers) {}
