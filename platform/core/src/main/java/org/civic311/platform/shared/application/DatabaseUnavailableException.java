package org.civic311.platform.shared.application;

import java.net.ConnectException;
import java.sql.SQLException;

/**
 * The database cannot be reached (not yet migrated at start-up, or gone away): the request cannot
 * be served now, but nothing is wrong with it. Answered as 503 with no stack trace anywhere.
 */
public class DatabaseUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseUnavailableException(String message) {
    super(message, null, false, false);
  }

  /** Whether {@code failure} comes from the database being unreachable, by its causes. */
  public static boolean isUnreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DatabaseUnavailableException || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        String message = String.valueOf(sql.getMessage());
        if ((state != null && state.startsWith("08"))
            || message.startsWith("Error in allocating a connection")) {
          return true;
        }
      }
    }
    return false;
  }
}
