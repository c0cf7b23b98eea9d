package org.civic311.admin.city.knowledge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.civic311.platform.contact.application.KnowledgeService;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/** A city administrator's knowledge base: information articles, written and rewritten. */
@RequestScoped
@RolesAllowed(Roles.CITY_ADMIN)
@Path("api/v1/cities/{city}/admin/knowledge")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeAdminResource {
  @Inject KnowledgeService knowledge;
  @Context SecurityContext security;

  /** An article as an administrator writes it (its slug is in the address). */
  public record ArticlePayload(
      String topic, String title, String body, List<String> keywords, String locale) {}

  @GET
  public List<KnowledgeService.Article> all() {
    return knowledge.all();
  }

  @PUT
  @Path("{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  public KnowledgeService.Article write(
      @PathParam("slug") String slug,
      @NotNull(message = "a JSON body is required") ArticlePayload payload) {
    try {
      return knowledge.write(
          slug,
          payload.topic(),
          payload.title(),
          payload.body(),
          payload.keywords(),
          payload.locale(),
          Caller.of(security).actor());
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }
}
