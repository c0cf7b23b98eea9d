package org.civic311.platform.contact.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civic311.platform.contact.application.KnowledgeService;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * The knowledge base as agents use it on a call: search in the caller's language, then read the
 * answer. Articles are plain text; the snippet marks matches with « and ».
 */
@RequestScoped
@RolesAllowed({Roles.AGENT, Roles.DEPARTMENT_STAFF, Roles.CITY_ADMIN})
@Path("api/v1/cities/{city}/knowledge")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeResource {
  @Inject KnowledgeService knowledge;

  @GET
  public List<KnowledgeService.Hit> search(
      @QueryParam("q") String q,
      @QueryParam("locale") @DefaultValue("en") String locale,
      @QueryParam("limit") @DefaultValue("10") int limit) {
    try {
      return knowledge.search(q, locale, limit);
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }

  @GET
  @Path("{slug}")
  public KnowledgeService.Article read(@PathParam("slug") String slug) {
    return knowledge
        .read(slug)
        .orElseThrow(() -> ProblemException.notFound("This city has no article '" + slug + "'."));
  }
}
