package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.Test;

/**
 * Open311 idempotency keys are remembered at least a day (48 hours by default) and then forgotten,
 * city by city; the deployment under test purges every ten seconds.
 */
class IdempotencyPurgeIT extends PlatformIT {

  private static void key(TestCity city, String key, Duration age) throws Exception {
    try (Connection c = Db.asOwner()) {
      c.setAutoCommit(false);
      Db.bind(c, city);
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into idempotency_key (tenant_id, key, fingerprint, claimed_at) values (?, ?, 'f', ?)")) {
        insert.setObject(1, city.id());
        insert.setString(2, key);
        insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).minus(age));
        insert.executeUpdate();
      }
      c.commit();
    }
  }

  @Test
  void keysOlderThanTheirKeepingTimeAreForgottenInEveryCityAndNewerOnesKept() throws Exception {
    TestCity north = Db.createCity("north");
    TestCity south = Db.createCity("south");
    key(north, "old", Duration.ofDays(3));
    key(north, "yesterday", Duration.ofHours(25));
    key(south, "old", Duration.ofDays(3));

    await("old keys purged")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Db.count(north, "idempotency_key") == 1 && Db.count(south, "idempotency_key") == 0);
    assertThat(Db.count(north, "idempotency_key"))
        .as("the 25-hour-old key is kept (48 h)")
        .isEqualTo(1);
  }
}
