package org.civic311.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The real SMTP server of the integration tests (GreenMail), on the port Failsafe reserved and the
 * platform sends to. Tests can stop and start it to play an outage. Each test uses its own
 * recipients, so messages are looked up by address.
 */
public final class Mail {
  private static GreenMail server;
  private static int port;

  private Mail() {}

  public static synchronized void start(int smtpPort) {
    port = smtpPort;
    if (server == null) {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  /** Starts the server again after {@link #stop()}: messages received before are gone. */
  public static synchronized void restart() {
    start(port);
  }

  /** The port the platform sends mail to. */
  public static synchronized int port() {
    return port;
  }

  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Messages received so far for {@code address}. */
  public static synchronized List<MimeMessage> to(String address) {
    if (server == null) {
      return List.of();
    }
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : server.getReceivedMessages()) {
      try {
        if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
            .anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
          out.add(m);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** Waits (up to 30 s) until {@code address} has at least {@code count} messages. */
  public static List<MimeMessage> awaitTo(String address, int count) {
    await(() -> to(address).size() >= count, "mail for " + address + " (" + count + ")");
    return to(address);
  }

  /** Waits for {@code condition}, polling, up to 30 s; fails naming {@code what}. */
  public static void await(BooleanSupplier condition, String what) {
    org.awaitility.Awaitility.await(what)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(condition::getAsBoolean);
  }

  /** The plain-text part of a message. */
  public static String text(MimeMessage m) {
    return part(m, "text/plain");
  }

  public static String html(MimeMessage m) {
    return part(m, "text/html");
  }

  public static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String header(MimeMessage m, String name) {
    try {
      String[] values = m.getHeader(name);
      return values == null ? null : values[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(MimeMessage m, String type) {
    try {
      return org.civic311.devstack.MailCatcher.part(m, type);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
