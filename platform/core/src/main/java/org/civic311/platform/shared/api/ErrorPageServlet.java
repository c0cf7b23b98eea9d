package org.civic311.platform.shared.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's own refusals, before any resource runs (above all: MicroProfile JWT rejecting a
 * bearer token that is expired, forged, for another audience or issuer), answered in the API's
 * formats instead of the server's HTML page. Mapped from {@code WEB-INF/web.xml}.
 */
@WebServlet(name = "ErrorPage", urlPatterns = "/errors/container")
public class ErrorPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_BAD_REQUEST;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? "" : uri.toString();
    String detail =
        switch (status) {
          case 401 ->
              "The bearer token was refused (expired, not yet valid, not signed by this"
                  + " deployment's identity server, or not meant for this API). Sign in again.";
          case 403 -> "Your account may not do this.";
          default ->
              Response.Status.fromStatusCode(status) == null
                  ? "The request was refused."
                  : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    response.setStatus(status);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"civic311\", error=\"invalid_token\"");
    }
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (path.startsWith("/open311/")) {
      Open311Wire.Format format = Open311Wire.formatOf(path);
      response.setContentType(format.mediaType());
      response.getWriter().write(Open311Wire.errorBody(status, format, detail));
      return;
    }
    response.setContentType(Problem.MEDIA_TYPE);
    Response.StatusType type =
        Response.Status.fromStatusCode(status) == null
            ? Response.Status.BAD_REQUEST
            : Response.Status.fromStatusCode(status);
    response.getWriter().write(JSON.toJson(Problem.of(type, detail)));
  }
}
