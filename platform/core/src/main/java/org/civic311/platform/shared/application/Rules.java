package org.civic311.platform.shared.application;

import java.util.function.Supplier;

/**
 * Domain rules say what is wrong as {@code field: message}. Inside a list, the edge needs to know
 * which entry: {@link #at} names it, so {@code closes: ...} of the third weekly range becomes
 * {@code weekly[2].closes: ...}.
 */
public final class Rules {
  private Rules() {}

  /**
   * Runs {@code check}, naming {@code where} (such as {@code weekly[2]}) in a refusal.
   *
   * @throws IllegalArgumentException the rule's refusal, its field prefixed with {@code where}
   */
  public static <T> T at(String where, Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "is invalid" : e.getMessage();
      int colon = message.indexOf(": ");
      boolean named = colon > 0 && message.substring(0, colon).matches("[a-z_.\\[\\]0-9]+");
      throw new IllegalArgumentException(named ? where + "." + message : where + ": " + message, e);
    }
  }
}
