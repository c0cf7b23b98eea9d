package org.civic311.platform.catalogue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * A department of the city that service requests are routed to (Roads, Waste, Parks...). Its code
 * is unique in the city; its e-mail is where it hears about new requests.
 */
@Entity
@Table(name = "department")
public class Department extends TenantOwned {
  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:[-_.][a-z0-9]+)*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

  @Id private UUID id;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String name;

  private String email;

  protected Department() {}

  public static Department define(String code, String name, String email) {
    Department d = new Department();
    d.id = UUID.randomUUID();
    if (code == null || !CODE.matcher(code).matches() || code.length() > 60) {
      throw new IllegalArgumentException(
          "code: '" + code + "' must be lowercase letters, digits and - _ . (at most 60)");
    }
    d.code = code;
    d.update(name, email);
    return d;
  }

  /**
   * @throws IllegalArgumentException naming the field
   */
  public void update(String newName, String newEmail) {
    if (newName == null || newName.isBlank() || newName.length() > 120) {
      throw new IllegalArgumentException("name: is required, at most 120 characters");
    }
    String mail = newEmail == null || newEmail.isBlank() ? null : newEmail.strip();
    if (mail != null && (mail.length() > 254 || !EMAIL.matcher(mail).matches())) {
      throw new IllegalArgumentException("email: '" + newEmail + "' is not an e-mail address");
    }
    name = newName.strip();
    email = mail == null ? null : mail.toLowerCase(Locale.ROOT);
  }

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }
}
