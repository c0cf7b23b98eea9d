package org.civic311.it.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SMTP server (RFC 5321 over a socket, enough of it for Jakarta Mail) that answers {@code
 * 550} to the recipients it was told to refuse, as a receiving server does for an address that no
 * longer exists, and accepts and drops every other message. GreenMail accepts every recipient, so
 * the integration tests play a bouncing mailbox with this one on GreenMail's port.
 */
public final class RefusingSmtp implements AutoCloseable {
  private final ServerSocket socket;
  private final Set<String> refused;
  private final List<String> refusedRecipients = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private RefusingSmtp(int port, Set<String> refused) throws Exception {
    this.refused = refused;
    this.socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    acceptor = new Thread(this::accept, "refusing-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Stops GreenMail and serves its port, refusing {@code addresses}; close to bring GreenMail back.
   */
  public static RefusingSmtp replacingGreenMail(String... addresses) throws Exception {
    Mail.stop();
    Set<String> refused = new java.util.HashSet<>();
    for (String a : addresses) {
      refused.add(a.toLowerCase(Locale.ROOT));
    }
    return new RefusingSmtp(Mail.port(), refused);
  }

  /** The recipients refused so far. */
  public List<String> refusedRecipients() {
    return List.copyOf(refusedRecipients);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (Exception e) {
        // a closed server or a dropped client: serve the next one
      }
    }
  }

  private void converse(Socket client) throws Exception {
    client.setSoTimeout(10_000);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
    reply(out, "220 refusing.example.org ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.toUpperCase(Locale.ROOT);
      if (command.startsWith("EHLO") || command.startsWith("HELO")) {
        reply(out, "250 refusing.example.org");
      } else if (command.startsWith("RCPT TO:")) {
        String to = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
        if (refused.contains(to.toLowerCase(Locale.ROOT))) {
          refusedRecipients.add(to);
          reply(out, "550 5.1.1 <" + to + ">: Recipient address rejected: User unknown");
        } else {
          reply(out, "250 2.1.5 OK");
        }
      } else if (command.startsWith("DATA")) {
        reply(out, "354 End data with <CR><LF>.<CR><LF>");
        while ((line = in.readLine()) != null && !line.equals(".")) {
          // the message is dropped
        }
        reply(out, "250 2.0.0 Accepted");
      } else if (command.startsWith("QUIT")) {
        reply(out, "221 2.0.0 Bye");
        return;
      } else {
        reply(out, "250 OK"); // MAIL FROM, RSET, NOOP
      }
    }
  }

  private static void reply(Writer out, String line) throws Exception {
    out.write(line + "\r\n");
    out.flush();
  }

  /** Stops this server and starts GreenMail again on the port. */
  @Override
  public void close() throws Exception {
    socket.close();
    acceptor.join(5_000);
    Mail.restart();
  }
}
