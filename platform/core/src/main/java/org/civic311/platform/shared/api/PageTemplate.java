package org.civic311.platform.shared.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's HTML shell from the class path, with {@code {{name}}} placeholders filled in, every
 * value HTML-escaped. Pages render their data in the browser from the API; the shell only carries
 * what the page needs to start (the city, the identity server).
 */
public final class PageTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");
  private final String html;

  private PageTemplate(String html) {
    this.html = html;
  }

  public static PageTemplate load(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("No page template " + name + " beside " + owner);
      }
      return new PageTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page with each placeholder replaced; a placeholder without a value is an error. */
  public String render(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 256);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("No value for {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(escape(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String escape(String text) {
    return org.civic311.platform.shared.domain.Html.escape(text);
  }
}
