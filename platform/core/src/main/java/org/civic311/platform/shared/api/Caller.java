package org.civic311.platform.shared.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as read from a token MicroProfile JWT has already verified (signature, issuer,
 * audience, expiry). The cities a caller acts for are the aliases of their Keycloak organizations
 * (the token's {@code organization} claim); roles are the {@code groups} claim. Anonymous callers
 * have none of either.
 */
public record Caller(
    String subject,
    String username,
    Optional<String> verifiedEmail,
    Set<String> roles,
    Set<String> cities) {

  public static final Caller ANONYMOUS =
      new Caller(null, null, Optional.empty(), Set.of(), Set.of());

  public static Caller of(SecurityContext security) {
    Principal principal = security == null ? null : security.getUserPrincipal();
    if (!(principal instanceof JsonWebToken token)) {
      return ANONYMOUS;
    }
    Object flag = token.getClaim("email_verified");
    boolean verified = Boolean.TRUE.equals(flag) || JsonValue.TRUE.equals(flag);
    String email = text(token.getClaim("email"));
    return new Caller(
        token.getSubject(),
        token.getName(),
        verified && email != null && !email.isBlank()
            ? Optional.of(email.strip().toLowerCase(Locale.ROOT))
            : Optional.empty(),
        token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups()),
        strings(token.getClaim("organization")));
  }

  public boolean authenticated() {
    return subject != null;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean actsFor(String citySlug) {
    return cities.contains(citySlug);
  }

  /** A name for history entries: the username, or the subject when there is none. */
  public String actor() {
    return username != null && !username.isBlank() ? username : subject;
  }

  /** Keycloak writes {@code organization} as a list of aliases, or as an object keyed by alias. */
  private static Set<String> strings(Object claim) {
    Set<String> out = new LinkedHashSet<>();
    if (claim instanceof JsonArray array) {
      array.forEach(v -> out.add(text(v)));
    } else if (claim instanceof jakarta.json.JsonObject object) {
      out.addAll(object.keySet());
    } else if (claim instanceof Collection<?> values) {
      values.forEach(v -> out.add(text(v)));
    } else if (claim instanceof java.util.Map<?, ?> map) {
      map.keySet().forEach(k -> out.add(text(k)));
    } else if (claim != null) {
      out.add(text(claim));
    }
    out.remove(null);
    return Set.copyOf(out);
  }

  private static String text(Object value) {
    if (value instanceof JsonString s) {
      return s.getString();
    }
    return value == null ? null : value.toString();
  }
}
