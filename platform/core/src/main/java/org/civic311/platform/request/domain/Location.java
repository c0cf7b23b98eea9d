package org.civic311.platform.request.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Where a request is: WGS 84 coordinates, an address or place description typed by a resident
 * (possibly without a map), or both. Guarantees at least one of them, coordinates in range and kept
 * to six decimals (about 10 cm), an address of at most 500 characters.
 */
@Embeddable
public class Location {
  private static final BigDecimal MAX_LAT = BigDecimal.valueOf(90);
  private static final BigDecimal MAX_LON = BigDecimal.valueOf(180);

  @Column(name = "latitude", precision = 9, scale = 6)
  private BigDecimal latitude;

  @Column(name = "longitude", precision = 9, scale = 6)
  private BigDecimal longitude;

  @Column(name = "address")
  private String address;

  protected Location() {}

  public static Location of(BigDecimal latitude, BigDecimal longitude, String address) {
    Location location = new Location();
    if ((latitude == null) != (longitude == null)) {
      throw new IllegalArgumentException("location: latitude and longitude go together");
    }
    if (latitude != null) {
      location.latitude = inRange("lat", latitude, MAX_LAT);
      location.longitude = inRange("long", longitude, MAX_LON);
    }
    if (address != null && !address.isBlank()) {
      if (address.strip().length() > 500) {
        throw new IllegalArgumentException("address_string: at most 500 characters");
      }
      location.address = address.strip();
    }
    if (location.latitude == null && location.address == null) {
      throw new IllegalArgumentException("location: give coordinates or an address");
    }
    return location;
  }

  private static BigDecimal inRange(String field, BigDecimal value, BigDecimal max) {
    if (value.abs().compareTo(max) > 0) {
      throw new IllegalArgumentException(field + ": must be between -" + max + " and " + max);
    }
    return value.setScale(6, RoundingMode.HALF_UP);
  }

  public Optional<BigDecimal> latitude() {
    return Optional.ofNullable(latitude);
  }

  public Optional<BigDecimal> longitude() {
    return Optional.ofNullable(longitude);
  }

  public Optional<String> address() {
    return Optional.ofNullable(address);
  }
}
