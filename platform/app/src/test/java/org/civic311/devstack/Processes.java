package org.civic311.devstack;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stopping the local stack's child processes: politely, then by force, children included. */
final class Processes {
  private Processes() {}

  /**
   * Asks {@code process} and its descendants to stop (SIGTERM), waits up to 30 s, then kills what
   * is left, so Ctrl-C on the demo or the end of a test run leaves nothing behind.
   */
  static void stop(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }
}
