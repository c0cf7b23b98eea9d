package org.civic311.platform.request.domain;

import java.util.Locale;

/**
 * Who reported a request, as far as the city knows: the signed-in resident's account ({@code
 * subject}, Keycloak's stable user id) and the contact e-mail given on any channel. Both are
 * optional: anonymous reports are the default. A signed-in resident's "my requests" matches either,
 * the e-mail only when their account's address is verified.
 */
public record Reporter(String subject, String email) {
  public static final Reporter ANONYMOUS = new Reporter(null, null);
  private static final int MAX_EMAIL = 254;

  public Reporter {
    subject = subject == null || subject.isBlank() ? null : subject.strip();
    email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    if (subject != null && subject.length() > 255) {
      throw new IllegalArgumentException("reporter: the account id is too long");
    }
    if (email != null && (email.length() > MAX_EMAIL || email.indexOf('@') < 1)) {
      throw new IllegalArgumentException("email: is not an e-mail address");
    }
  }
}
