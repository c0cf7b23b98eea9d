package org.civic311.platform.notification.application;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.civic311.platform.shared.domain.Html;

/**
 * Writes the city's messages in one of its languages, from the {@code mail} resource bundles: the
 * subject, a plain-text body and the same as HTML. Every value from residents or staff (notes,
 * category names) is escaped in the HTML and kept to one line in the subject.
 */
final class MailTexts {
  private final ResourceBundle bundle;
  private final Locale locale;

  MailTexts(String language) {
    this.locale = Locale.forLanguageTag(language);
    this.bundle =
        ResourceBundle.getBundle(
            "org.civic311.platform.notification.application.mail",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  String text(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  String date(OffsetDateTime at, ZoneId zone) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(locale)
        .format(at.atZoneSameInstant(zone));
  }

  /** One line for a header: control characters become spaces, at most 200 characters. */
  static String oneLine(String text) {
    String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
    return line.length() > 200 ? line.substring(0, 199) + "…" : line;
  }

  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A message's body: a heading, an introduction, labelled facts, a link, and the footer lines. */
  static final class Body {
    private final String brandColor;
    private String heading = "";
    private final List<String> paragraphs = new ArrayList<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private String linkLabel;
    private String link;
    private final List<String[]> footer = new ArrayList<>();

    Body(String brandColor) {
      this.brandColor = brandColor;
    }

    Body heading(String text) {
      heading = text;
      return this;
    }

    Body paragraph(String text) {
      paragraphs.add(text);
      return this;
    }

    Body fact(String label, String value) {
      if (value != null && !value.isBlank()) {
        facts.put(label, value);
      }
      return this;
    }

    Body link(String label, String url) {
      linkLabel = label;
      link = url;
      return this;
    }

    /** A footer line, with an optional link after it. */
    Body footer(String text, String url) {
      footer.add(new String[] {text, url});
      return this;
    }

    String text() {
      StringBuilder out = new StringBuilder(heading).append("\n\n");
      paragraphs.forEach(p -> out.append(p).append("\n\n"));
      facts.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
      if (link != null) {
        out.append('\n').append(linkLabel).append(": ").append(link).append('\n');
      }
      out.append("\n-- \n");
      footer.forEach(f -> out.append(f[0]).append(f[1] == null ? "" : " " + f[1]).append('\n'));
      return out.toString();
    }

    String html(String lang) {
      StringBuilder out = new StringBuilder();
      out.append("<!DOCTYPE html><html lang=\"")
          .append(esc(lang))
          .append("\"><head><meta charset=\"utf-8\"><title>")
          .append(esc(heading))
          .append(
              "</title></head><body style=\"margin:0;font-family:Arial,sans-serif;color:#1a1a1a\">")
          .append("<div style=\"background:")
          .append(esc(brandColor))
          .append(";color:#fff;padding:16px 20px;font-size:20px;font-weight:bold\">")
          .append(esc(heading))
          .append("</div><div style=\"padding:20px;max-width:600px\">");
      paragraphs.forEach(p -> out.append("<p>").append(esc(p)).append("</p>"));
      if (!facts.isEmpty()) {
        out.append("<table role=\"presentation\" style=\"border-collapse:collapse\">");
        facts.forEach(
            (k, v) ->
                out.append(
                        "<tr><th scope=\"row\" style=\"text-align:left;padding:4px 12px 4px 0\">")
                    .append(esc(k))
                    .append("</th><td style=\"padding:4px 0;white-space:pre-wrap\">")
                    .append(esc(v))
                    .append("</td></tr>"));
        out.append("</table>");
      }
      if (link != null) {
        out.append("<p><a href=\"")
            .append(esc(link))
            .append("\" style=\"color:")
            .append(esc(brandColor))
            .append(";font-weight:bold\">")
            .append(esc(linkLabel))
            .append("</a></p>");
      }
      out.append("<hr><p style=\"font-size:13px;color:#555\">");
      for (String[] f : footer) {
        out.append(esc(f[0]));
        if (f[1] != null) {
          out.append(" <a href=\"")
              .append(esc(f[1]))
              .append("\">")
              .append(esc(f[1]))
              .append("</a>");
        }
        out.append("<br>");
      }
      return out.append("</p></div></body></html>").toString();
    }
  }

  static String esc(String text) {
    return Html.escape(text);
  }
}
