package org.civic311.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The live heap of a Payara JVM of the test run, for the benchmarks: {@code jcmd <pid>
 * GC.class_histogram}, which runs a full collection first and then counts only reachable objects,
 * so two readings differ by what the application holds, not by garbage waiting to be collected. The
 * JDK's own tool over the attach API, on the same machine and user as the tests; nothing is added
 * to the deployment.
 */
public final class LiveHeap {
  private LiveHeap() {}

  /**
   * Bytes of reachable objects in all, and those of Camel's classes ({@code org.apache.camel.}).
   */
  public record Reading(long bytes, long camelBytes, long instances) {
    public double megabytes() {
      return bytes / 1024.0 / 1024.0;
    }

    public double camelMegabytes() {
      return camelBytes / 1024.0 / 1024.0;
    }
  }

  /**
   * The process id of the test run's main Payara Micro (the one Arquillian started): this build's
   * Payara Micro jar on this run's reserved HTTP port (other builds on the machine have their own).
   */
  public static long mainPayara() {
    String port = "--port " + System.getProperty("civic311.it.http.port");
    return payara(System.getProperty("civic311.it.payara"), port)
        .orElseThrow(() -> new IllegalStateException("no Payara Micro JVM with " + port));
  }

  private static Optional<Long> payara(String jar, String port) {
    return ProcessHandle.allProcesses()
        .filter(
            p -> {
              String line = p.info().commandLine().orElse("");
              return line.contains(jar) && line.contains(port + " ");
            })
        .map(ProcessHandle::pid)
        .findFirst();
  }

  /** A full collection in {@code pid}, then its reachable objects counted. */
  public static Reading of(long pid) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid),
                "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " GC.class_histogram failed: " + out);
    }
    long total = -1;
    long instances = -1;
    long camel = 0;
    for (String line : out.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && f[0].equals("Total")) {
        instances = Long.parseLong(f[1]);
        total = Long.parseLong(f[2]);
      } else if (f.length >= 4 && f[0].endsWith(":") && f[3].startsWith("org.apache.camel.")) {
        camel += Long.parseLong(f[2]);
      }
    }
    if (total < 0) {
      throw new IOException("no total in jcmd's class histogram of " + pid + ": " + out);
    }
    return new Reading(total, camel, instances);
  }
}
