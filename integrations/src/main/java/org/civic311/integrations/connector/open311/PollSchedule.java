package org.civic311.integrations.connector.open311;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.civic311.platform.shared.application.DatabaseUnavailableException;
import org.civic311.platform.shared.domain.TenantId;

/**
 * When each open311 integration is polled next ({@code integration_poll}, a global queue of
 * pointers kept by a trigger on the integrations, like the outbox's deliveries). A poll is claimed
 * with {@code FOR UPDATE SKIP LOCKED} and a lease, so one instance polls a given integration at a
 * time, and released with its next due time; an instance that dies mid-poll loses its claim when
 * the lease ends. Single autocommit statements, no city: the rows carry nothing but pointers and
 * the remote's time reached.
 */
@ApplicationScoped
public class PollSchedule {
  private static final String CLAIM =
      "with due as (select p.city_id, p.department from integration_poll p"
          + " where p.due_at <= now() and (p.locked_until is null or p.locked_until < now())"
          + " and exists (select 1 from tenant t where t.id = p.city_id and t.status = 'ACTIVE')"
          + " order by p.due_at limit ? for update skip locked)"
          + " update integration_poll p set locked_until = now() + make_interval(secs => ?)"
          + " from due where p.city_id = due.city_id and p.department = due.department"
          + " returning p.city_id, p.department, p.since";

  /** One integration to poll now, and the remote time its updates were read up to. */
  public record Due(TenantId city, String department, Instant since) {}

  @Resource(lookup = "java:app/jdbc/civic311")
  DataSource dataSource;

  public List<Due> claim(int limit, Duration lease) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(CLAIM)) {
      s.setInt(1, limit);
      s.setDouble(2, lease.toMillis() / 1000.0);
      List<Due> due = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Timestamp since = rs.getTimestamp(3);
          due.add(
              new Due(
                  new TenantId(rs.getObject(1, UUID.class)),
                  rs.getString(2),
                  since == null ? null : since.toInstant()));
        }
      }
      return due;
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Open311 polls: " + e.getMessage());
    }
  }

  /**
   * Ends a claim: due again after {@code next}, with the remote time reached (kept when null) and
   * the last error (cleared when null).
   */
  public void release(Due due, Duration next, Instant since, String error) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update integration_poll set locked_until = null,"
                    + " due_at = now() + make_interval(secs => ?), polled_at = now(),"
                    + " since = coalesce(?, since), last_error = ?"
                    + " where city_id = ? and department = ?")) {
      s.setDouble(1, next.toMillis() / 1000.0);
      s.setTimestamp(2, since == null ? null : Timestamp.from(since));
      s.setString(3, error == null || error.length() <= 1000 ? error : error.substring(0, 1000));
      s.setObject(4, due.city().value());
      s.setString(5, due.department());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Open311 polls: " + e.getMessage());
    }
  }
}
