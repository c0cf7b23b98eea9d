package org.civic311.it.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xmlunit.builder.Input;
import org.xmlunit.util.Convert;

/**
 * Every Open311 answer a test receives, checked against the project's OpenAPI document ({@code
 * open311/v2/openapi.yaml}, written from the standard): a JSON body must match its path's and
 * status's schema (types, required fields, no unknown fields, no fractional seconds), and an XML
 * body must carry the XML declaration and only the standard's element names (the document's
 * property names, the list items and the roots). A REST Assured filter, so no test can forget it.
 */
public final class Open311Contract implements Filter {
  private static final Path DOCUMENT =
      Path.of("../core/src/main/resources/META-INF/resources/open311/v2/openapi.yaml");
  private static final Set<String> ROOTS_AND_ITEMS =
      Set.of(
          "discovery",
          "service_definition",
          "services",
          "service",
          "service_requests",
          "request",
          "errors",
          "error",
          "service_request_updates",
          "request_update",
          "endpoint",
          "format",
          "attribute",
          "value",
          "note");

  private static OpenApiInteractionValidator validator;
  private static Set<String> elementNames;

  /** The filter to add to a request specification. */
  public static synchronized Open311Contract filter() {
    if (validator == null) {
      validator =
          OpenApiInteractionValidator.createForSpecificationUrl(DOCUMENT.toUri().toString())
              .withLevelResolver(
                  LevelResolver.create()
                      // tests send bad requests on purpose: only the answers are checked
                      .withLevel("validation.request", ValidationReport.Level.IGNORE)
                      .build())
              .build();
      elementNames = elementNames();
    }
    return new Open311Contract();
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext context) {
    Response answer = context.next(request, response);
    String path = URI.create(request.getURI()).getPath();
    List<String> problems =
        problems(
            request.getMethod(),
            path.substring(path.indexOf("/open311/v2")),
            answer.statusCode(),
            answer.contentType(),
            answer.asString());
    if (!problems.isEmpty()) {
      throw new AssertionError(
          request.getMethod()
              + " "
              + path
              + " answered "
              + answer.statusCode()
              + " against the OpenAPI document:\n"
              + String.join("\n", problems)
              + "\n"
              + answer.asString());
    }
    return answer;
  }

  /** What is wrong with an answer to {@code method} {@code path} (empty when nothing is). */
  public static List<String> problems(
      String method, String path, int status, String contentType, String body) {
    filter();
    List<String> problems = new ArrayList<>();
    if (path.endsWith(".json")) {
      ValidationReport report =
          validator.validateResponse(
              path,
              Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
              SimpleResponse.Builder.status(status)
                  .withContentType(contentType)
                  .withBody(body)
                  .build());
      report.getMessages().stream()
          .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
          .forEach(m -> problems.add(m.getKey() + ": " + m.getMessage()));
    } else if (path.endsWith(".xml")) {
      if (!body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")) {
        problems.add("no XML declaration");
      }
      if (!contentType.toLowerCase(Locale.ROOT).startsWith("text/xml")) {
        problems.add("content type " + contentType + " is not text/xml");
      }
      Node document = Convert.toNode(Input.fromString(body).build());
      Set<String> unknown = new TreeSet<>();
      collect(((org.w3c.dom.Document) document).getDocumentElement(), unknown);
      if (!unknown.isEmpty()) {
        problems.add("elements the standard does not name: " + unknown);
      }
    }
    return problems;
  }

  private static void collect(Element element, Set<String> unknown) {
    if (!elementNames.contains(element.getTagName())) {
      unknown.add(element.getTagName());
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        collect(e, unknown);
      }
    }
  }

  /** The property names of every schema of the document, with the roots and list items. */
  private static Set<String> elementNames() {
    try {
      OpenAPI api =
          new OpenAPIV3Parser()
              .readContents(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
              .getOpenAPI();
      Set<String> names = new HashSet<>(ROOTS_AND_ITEMS);
      for (Schema<?> schema : api.getComponents().getSchemas().values()) {
        if (schema.getProperties() != null) {
          names.addAll(schema.getProperties().keySet());
        }
      }
      return names;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
