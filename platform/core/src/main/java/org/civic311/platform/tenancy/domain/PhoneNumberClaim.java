package org.civic311.platform.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.civic311.platform.shared.domain.TenantId;

/**
 * A telephone number (E.164) and the city it belongs to: the global directory the voice webhook
 * resolves a dialled number with. Global on purpose (not {@code TenantOwned}): the city is not
 * known until the number is looked up. A number belongs to one city at most.
 */
// Not in EclipseLink's shared cache: another replica may change it (suspension, numbers).
@org.eclipse.persistence.annotations.Cache(
    isolation = org.eclipse.persistence.config.CacheIsolationType.ISOLATED)
@Entity
@Table(name = "phone_number")
public class PhoneNumberClaim {
  @Id private String number;

  @Column(name = "city_id", nullable = false)
  private UUID cityId;

  protected PhoneNumberClaim() {}

  public PhoneNumberClaim(String number, TenantId city) {
    this.number = number;
    this.cityId = city.value();
  }

  public String number() {
    return number;
  }

  public TenantId city() {
    return new TenantId(cityId);
  }
}
