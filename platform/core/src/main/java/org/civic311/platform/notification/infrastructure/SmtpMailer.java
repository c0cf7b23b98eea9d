package org.civic311.platform.notification.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.civic311.platform.notification.application.Mailer;
import org.civic311.platform.notification.application.OutgoingMail;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link Mailer} over SMTP with Jakarta Mail, configured from {@code civic311.notification.smtp.*}
 * (host, port, {@code tls} none/starttls/ssl, user, password). A recipient the server refuses with
 * a permanent (5xx) answer is {@link Mailer.MailRejected}; everything else is worth a retry.
 */
@ApplicationScoped
public class SmtpMailer implements Mailer {
  @Inject
  @ConfigProperty(name = "civic311.notification.smtp.host", defaultValue = "localhost")
  String host;

  @Inject
  @ConfigProperty(name = "civic311.notification.smtp.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "civic311.notification.smtp.tls", defaultValue = "none")
  String tls;

  @Inject
  @ConfigProperty(name = "civic311.notification.smtp.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "civic311.notification.smtp.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "civic311.notification.smtp.timeout", defaultValue = "PT10S")
  Duration timeout;

  private volatile Session session;

  @Override
  public void send(OutgoingMail mail) throws Exception {
    MimeMessage message = new StableIdMessage(session(), mail.messageId());
    message.setFrom(address(mail.fromAddress(), mail.fromName()));
    if (mail.replyTo() != null) {
      message.setReplyTo(new Address[] {new InternetAddress(mail.replyTo(), true)});
    }
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    for (var header : mail.headers().entrySet()) {
      message.setHeader(header.getKey(), header.getValue());
    }
    message.setHeader("Auto-Submitted", "auto-generated");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
    message.setContent(alternatives);
    message.saveChanges();
    try {
      Transport.send(message);
    } catch (SendFailedException e) {
      Address[] invalid = e.getInvalidAddresses();
      if (invalid != null && invalid.length > 0) {
        throw new MailRejected(mail.to() + " refused: " + serverAnswer(e));
      }
      throw e;
    }
  }

  /**
   * The receiving server's own words (such as {@code 550 5.1.1 ... User unknown}), which Jakarta
   * Mail keeps in the chained exceptions; they tell an administrator why the address is listed.
   */
  private static String serverAnswer(MessagingException e) {
    String answer = e.getMessage();
    for (Exception next = e.getNextException();
        next != null;
        next = next instanceof MessagingException m ? m.getNextException() : null) {
      if (next.getMessage() != null && !next.getMessage().isBlank()) {
        answer = next.getMessage().strip();
      }
    }
    return answer;
  }

  private static InternetAddress address(String address, String name)
      throws UnsupportedEncodingException, MessagingException {
    InternetAddress a = new InternetAddress(address, true);
    a.setPersonal(name, StandardCharsets.UTF_8.name());
    return a;
  }

  private Session session() {
    Session s = session;
    if (s == null) {
      Properties p = new Properties();
      p.put("mail.transport.protocol", "ssl".equals(tls) ? "smtps" : "smtp");
      String prefix = "ssl".equals(tls) ? "mail.smtps." : "mail.smtp.";
      p.put(prefix + "host", host);
      p.put(prefix + "port", String.valueOf(port));
      p.put(prefix + "connectiontimeout", String.valueOf(timeout.toMillis()));
      p.put(prefix + "timeout", String.valueOf(timeout.toMillis()));
      p.put(prefix + "writetimeout", String.valueOf(timeout.toMillis()));
      if ("starttls".equals(tls)) {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
      }
      jakarta.mail.Authenticator authenticator = null;
      if (user.isPresent() && !user.get().isBlank()) {
        p.put(prefix + "auth", "true");
        String u = user.get();
        String pw = password.orElse("");
        authenticator =
            new jakarta.mail.Authenticator() {
              @Override
              protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                return new jakarta.mail.PasswordAuthentication(u, pw);
              }
            };
      }
      s = Session.getInstance(p, authenticator);
      session = s;
    }
    return s;
  }

  /** Keeps the Message-ID the office chose, so a resent message is recognisably the same. */
  private static final class StableIdMessage extends MimeMessage {
    private final String id;

    StableIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
