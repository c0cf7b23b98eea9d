package org.civic311.platform.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Concurrent changes found at commit are conflicts: the last-resort mapper answers them with 409
 * (nothing was saved) instead of an incident.
 */
class ConflictsTest {

  @Test
  void optimisticLocksAndTakenKeysAreConflicts() {
    assertThat(
            UnhandledExceptionMapper.isConflict(
                new RuntimeException(new OptimisticLockException())))
        .isTrue();
    assertThat(
            UnhandledExceptionMapper.isConflict(
                new IllegalStateException(new RuntimeException(new SQLException("dup", "23505")))))
        .isTrue();
    assertThat(UnhandledExceptionMapper.isConflict(new SQLException("other", "22001"))).isFalse();
    assertThat(UnhandledExceptionMapper.isConflict(new IllegalStateException("bug"))).isFalse();
  }
}
