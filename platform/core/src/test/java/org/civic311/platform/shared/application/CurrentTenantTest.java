package org.civic311.platform.shared.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.civic311.platform.shared.domain.TenantId;
import org.junit.jupiter.api.Test;

class CurrentTenantTest {
  private final TenantId a = new TenantId(UUID.randomUUID());
  private final TenantId b = new TenantId(UUID.randomUUID());

  @Test
  void failsClosedWhenNoCityIsSet() {
    assertThat(CurrentTenant.get()).isEmpty();
    assertThatThrownBy(CurrentTenant::require).isInstanceOf(CurrentTenant.NoTenantException.class);
  }

  @Test
  void restoresThePreviousCityAfterNestedWorkEvenOnFailure() {
    CurrentTenant.runAs(
        a,
        () -> {
          assertThatThrownBy(
                  () ->
                      CurrentTenant.runAs(
                          b,
                          () -> {
                            assertThat(CurrentTenant.require()).isEqualTo(b);
                            throw new IllegalStateException("boom");
                          }))
              .hasMessage("boom");
          assertThat(CurrentTenant.require()).isEqualTo(a);
        });
    assertThat(CurrentTenant.get()).isEmpty();
  }

  @Test
  void recognisesAnUnreachableDatabaseByItsCauses() {
    var refused = new java.sql.SQLException("Connection refused", "08001");
    assertThat(DatabaseUnavailableException.isUnreachable(new RuntimeException(refused))).isTrue();
    assertThat(
            DatabaseUnavailableException.isUnreachable(
                new java.sql.SQLException("syntax", "42601")))
        .isFalse();
  }
}
