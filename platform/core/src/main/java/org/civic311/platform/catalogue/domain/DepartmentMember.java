package org.civic311.platform.catalogue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * A staff member of a department of the city: the identity server's user name (as the token's
 * {@code preferred_username} carries it), lowercase. Department staff see their departments' queue
 * and change only their departments' requests. Guarantees: a well-formed user name of at most 255
 * characters; once per department.
 */
@Entity
@Table(name = "department_member")
public class DepartmentMember extends TenantOwned {
  /** Keycloak's user names: lowercase letters, digits and {@code . _ - @}. */
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,254}");

  @Id private UUID id;

  @Column(name = "department_id", nullable = false)
  private UUID departmentId;

  @Column(nullable = false)
  private String username;

  @Column(name = "added_at", nullable = false)
  private OffsetDateTime addedAt;

  protected DepartmentMember() {}

  /**
   * @throws IllegalArgumentException ({@code usernames: ...}) when the name is not a user name
   */
  public static DepartmentMember of(Department department, String username, Clock clock) {
    DepartmentMember m = new DepartmentMember();
    m.id = UUID.randomUUID();
    m.departmentId = department.id();
    m.username = normalise(username);
    m.addedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return m;
  }

  /**
   * A user name as members are kept: trimmed, lowercase.
   *
   * @throws IllegalArgumentException ({@code usernames: ...}) when it is not a user name
   */
  public static String normalise(String username) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "usernames: '"
              + username
              + "' is not a user name (lowercase letters, digits and . _ - @, at most 255)");
    }
    return name;
  }

  public UUID departmentId() {
    return departmentId;
  }

  public String username() {
    return username;
  }
}
