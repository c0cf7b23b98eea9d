package org.civic311.platform.contact.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** The current city's contact log. */
public interface ContactLog {
  void add(Contact contact);

  /** The caller's contacts since {@code since}, newest first, at most {@code limit}. */
  List<Contact> byCaller(String e164, OffsetDateTime since, int limit);
}
