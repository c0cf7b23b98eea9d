package org.civic311.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * The demo's mail catcher: an SMTP server (GreenMail) that keeps every message in memory, and a
 * small web page that lists them and shows each one, headers included. Nothing leaves the machine.
 */
public final class MailCatcher implements AutoCloseable {
  private final GreenMail smtp;
  private final HttpServer web;

  private MailCatcher(GreenMail smtp, HttpServer web) {
    this.smtp = smtp;
    this.web = web;
  }

  /** SMTP on {@code smtpPort}; the web page on {@code webPort} (0: none). */
  public static MailCatcher start(int smtpPort, int webPort) throws IOException {
    GreenMail smtp =
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    HttpServer web = null;
    if (webPort > 0) {
      web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
      MailCatcher catcher = new MailCatcher(smtp, web);
      web.createContext("/", catcher::handle);
      web.start();
      return catcher;
    }
    return new MailCatcher(smtp, null);
  }

  public GreenMail smtp() {
    return smtp;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      MimeMessage[] messages = smtp.getReceivedMessages();
      String query = exchange.getRequestURI().getQuery();
      String html;
      if (query != null && query.startsWith("n=")) {
        int n;
        try {
          n = Integer.parseInt(query.substring(2));
        } catch (NumberFormatException e) {
          n = -1;
        }
        html = n >= 0 && n < messages.length ? message(messages[n]) : "<p>No such message.</p>";
      } else {
        html = list(messages);
      }
      byte[] body =
          ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                  + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                  + "<title>Civic311 demo mail</title><style>body{font-family:sans-serif;margin:1rem}"
                  + "td,th{padding:.3rem .6rem;text-align:left;border-bottom:1px solid #ddd}"
                  + "pre{white-space:pre-wrap}</style></head><body>"
                  + html
                  + "</body></html>")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (Exception e) {
      exchange.sendResponseHeaders(500, -1);
    }
  }

  private static String list(MimeMessage[] messages) throws Exception {
    StringBuilder out =
        new StringBuilder("<h1>Demo mail (" + messages.length + ")</h1>")
            .append(
                "<p>Every message the local platform sent. Newest first; reload for new ones.</p>")
            .append("<table><tr><th>To</th><th>Subject</th><th>Sent</th></tr>");
    for (int i = messages.length - 1; i >= 0; i--) {
      MimeMessage m = messages[i];
      out.append("<tr><td>")
          .append(
              esc(String.join(", ", m.getHeader("To") == null ? new String[0] : m.getHeader("To"))))
          .append("</td><td><a href=\"?n=")
          .append(i)
          .append("\">")
          .append(esc(String.valueOf(m.getSubject())))
          .append("</a></td><td>")
          .append(esc(String.valueOf(m.getSentDate())))
          .append("</td></tr>");
    }
    return out.append("</table>").toString();
  }

  private static String message(MimeMessage m) throws Exception {
    StringBuilder out = new StringBuilder("<p><a href=\"/\">All mail</a></p><h1>");
    out.append(esc(String.valueOf(m.getSubject()))).append("</h1><h2>Headers</h2><pre>");
    for (Enumeration<jakarta.mail.Header> h = m.getAllHeaders(); h.hasMoreElements(); ) {
      jakarta.mail.Header header = h.nextElement();
      out.append(esc(header.getName() + ": " + header.getValue())).append('\n');
    }
    out.append("</pre><h2>Text</h2><pre>").append(esc(part(m, "text/plain"))).append("</pre>");
    String html = part(m, "text/html");
    if (!html.isEmpty()) {
      out.append(
              "<h2>HTML</h2><iframe sandbox title=\"HTML version\" style=\"width:100%;height:600px;border:1px solid #ccc\" srcdoc=\"")
          .append(esc(html))
          .append("\"></iframe>");
    }
    return out.toString();
  }

  /** The first part of {@code type} of a message, or "" (the tests read mail with it too). */
  public static String part(MimeMessage m, String type) throws Exception {
    Object content = m.getContent();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart p = multipart.getBodyPart(i);
        if (p.isMimeType(type)) {
          return String.valueOf(p.getContent());
        }
      }
      return "";
    }
    return m.isMimeType(type) ? GreenMailUtil.getBody(m) : "";
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public void close() {
    if (web != null) {
      web.stop(0);
    }
    smtp.stop();
  }
}
