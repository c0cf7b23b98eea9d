package org.civic311.platform.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.civic311.platform.shared.domain.TenantOwned;

/**
 * A city's configuration kept as one checked JSON document per name (its hours, its phone routing):
 * who last replaced it and when, with a version so two concurrent saves cannot both win. The
 * application checks a document by building its domain object before storing it.
 */
@MappedSuperclass
public abstract class CityDocument extends TenantOwned {
  /** The city's own document. */
  public static final String CITY = "city";

  @Id private String name;

  @Column(nullable = false)
  private String document;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Version private long version;

  protected CityDocument() {}

  /** Names a new document and gives it its first content. */
  protected void init(String documentName, String firstDocument, String actor, Clock clock) {
    name = documentName;
    replace(firstDocument, actor, clock);
  }

  public void replace(String newDocument, String actor, Clock clock) {
    document = newDocument;
    updatedBy = actor;
    updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  public String name() {
    return name;
  }

  public String document() {
    return document;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
