package org.civic311.platform.request.api.portal;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.platform.shared.domain.Html;

/**
 * The resident portal's pages: one layout (the city's name, the language switch, the emergency
 * reminder) around a page's body, both templates beside this class. {@code {{t:key}}} is a text of
 * the page's language, {@code {{name}}} a value, both HTML-escaped; {@code {{{name}}}} is markup
 * the code built (and escaped) itself.
 */
final class PortalShell {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{(\\{)?(t:)?([a-zA-Z0-9_.]+)}}(})?");
  private static final Map<String, String> TEMPLATES = new ConcurrentHashMap<>();

  /** Made on first use: the pages need it, the unit tests of the rest do not. */
  private static final class Json {
    static final Jsonb JSONB = JsonbBuilder.create();
  }

  private PortalShell() {}

  /** What every page of a city needs. */
  record Context(
      String city,
      String cityName,
      PortalTexts texts,
      List<String> languages,
      String path,
      String tileOrigin) {}

  /**
   * The page {@code body} (a template name) in the layout, titled {@code title}, with its {@code
   * script} (a module under /assets/portal/, or null for none) and {@code extraHead} markup.
   */
  static String render(
      Context c,
      String body,
      String title,
      String script,
      String extraHead,
      Map<String, String> values) {
    PortalTexts t = c.texts();
    java.util.HashMap<String, String> all = new java.util.HashMap<>(values);
    all.put("city", c.city());
    all.put("cityName", c.cityName());
    all.put("lang", t.language());
    all.put("title", title);
    String head = extraHead == null ? "" : extraHead;
    if (script != null) {
      head +=
          "<meta name=\"civic311-texts\" content=\""
              + Html.escape(Json.JSONB.toJson(t.forScripts()))
              + "\">\n<script type=\"module\" src=\"/assets/portal/"
              + Html.escape(script)
              + "\"></script>\n";
    }
    all.put("head", head);
    all.put("languages", languages(c));
    all.put("body", fill(template(body), all, t));
    return fill(template("layout.html"), all, t);
  }

  /** The answer: HTML, never cached, not framed, with a policy that allows the map's tiles. */
  static Response respond(int status, Context c, String html, String extraConnect) {
    String img = "'self' data: blob:" + (c.tileOrigin() == null ? "" : " " + c.tileOrigin());
    return Response.status(status)
        .entity(html)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Content-Language", c.texts().language())
        .header("Vary", "Accept-Language")
        .header(
            "Content-Security-Policy",
            "default-src 'self'; img-src "
                + img
                + "; connect-src 'self'"
                + (extraConnect == null ? "" : " " + extraConnect)
                + "; object-src 'none'; base-uri 'none'; form-action 'self';"
                + " frame-ancestors 'none'")
        .header("X-Frame-Options", "DENY")
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /**
   * The origin a tile URL template loads from, for the page's policy ({@code {s}} subdomains become
   * a wildcard); null when the template is not an http(s) URL.
   */
  static String tileOrigin(String template) {
    try {
      String host = template.replace("{s}", "a-sub");
      URI uri = URI.create(host.replaceAll("\\{[a-z]+}", "0"));
      if (uri.getHost() == null
          || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        return null;
      }
      String authority = uri.getRawAuthority().replace("a-sub", "*");
      return uri.getScheme() + "://" + authority;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The language switch: one link per other language the city offers, named in its language. */
  private static String languages(Context c) {
    if (c.languages().size() < 2) {
      return "";
    }
    PortalTexts t = c.texts();
    StringBuilder out =
        new StringBuilder("<nav class=\"languages\" aria-label=\"")
            .append(Html.escape(t.text("languages")))
            .append("\"><ul>");
    for (String language : c.languages()) {
      String name = PortalTexts.in(language).text("language.name");
      out.append("<li>");
      if (language.equals(t.language())) {
        out.append("<span aria-current=\"true\" lang=\"")
            .append(language)
            .append("\">")
            .append(Html.escape(name))
            .append("</span>");
      } else {
        out.append("<a href=\"")
            .append(Html.escape(c.path() + "?lang=" + language))
            .append("\" lang=\"")
            .append(language)
            .append("\" hreflang=\"")
            .append(language)
            .append("\">")
            .append(Html.escape(name))
            .append("</a>");
      }
      out.append("</li>");
    }
    return out.append("</ul></nav>").toString();
  }

  private static String fill(String template, Map<String, String> values, PortalTexts t) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 1024);
    while (m.find()) {
      boolean raw = m.group(1) != null && m.group(4) != null;
      String name = m.group(3);
      String value;
      if (m.group(2) != null) {
        value = Html.escape(t.text(name));
      } else {
        String v = values.get(name);
        if (v == null) {
          throw new IllegalStateException("No value for {{" + name + "}}");
        }
        value = raw ? v : Html.escape(v);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String template(String name) {
    return TEMPLATES.computeIfAbsent(
        name,
        n -> {
          try (InputStream in = PortalShell.class.getResourceAsStream(n)) {
            if (in == null) {
              throw new IllegalStateException("No portal template " + n);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
