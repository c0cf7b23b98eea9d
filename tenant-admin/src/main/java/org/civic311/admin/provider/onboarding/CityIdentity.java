package org.civic311.admin.provider.onboarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A city's identity in Keycloak: its organization (alias = the city's slug) and its first
 * administrator, invited by Keycloak's own "set your password" e-mail. Talks to Keycloak's admin
 * REST API as the confidential client {@code civic311-provisioning} (a service account with
 * realm-management roles), at the realm's internal address (derived from {@code
 * civic311.identity.jwks-url}). Off when {@code civic311.identity.provisioning-secret} is unset.
 *
 * <p>Keycloak cannot join the database transaction: {@link #provision} undoes its own partial work
 * when a step fails, and {@link #remove} undoes a whole provisioning when a later step fails.
 */
@ApplicationScoped
public class CityIdentity {
  /**
   * Looked up once: {@code Json}'s static methods look the provider up (a class-path scan) on every
   * call.
   */
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();

  private static final Logger LOG = Logger.getLogger(CityIdentity.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject
  @ConfigProperty(name = "civic311.identity.jwks-url")
  String jwksUrl;

  @Inject
  @ConfigProperty(
      name = "civic311.identity.provisioning-client",
      defaultValue = "civic311-provisioning")
  String clientId;

  @Inject
  @ConfigProperty(name = "civic311.identity.provisioning-secret")
  Optional<String> secret;

  /** The pages' sign-in client: the invitation's "back to the application" goes through it. */
  @Inject
  @ConfigProperty(name = "civic311.identity.web-client", defaultValue = "civic311-web")
  String webClient;

  /** Where residents and staff reach the deployment, as e-mail links use it. */
  @Inject
  @ConfigProperty(name = "civic311.notification.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  /** What was made for a city, to undo it. */
  public record Provisioned(String organizationId, String userId) {}

  /** Keycloak refused or could not be reached; {@code field} names the form field at fault. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final int status;

    Refused(String field, int status, String message) {
      super(message, null, false, false);
      this.field = field;
      this.status = status;
    }

    public String field() {
      return field;
    }

    /** Keycloak's status, or 0 when it did not answer. */
    public int status() {
      return status;
    }
  }

  public boolean enabled() {
    return secret.filter(s -> !s.isBlank()).isPresent();
  }

  /**
   * Creates the organization {@code slug} (with {@code domain}) and, when {@code adminEmail} is
   * given, its first administrator (realm role {@code city-admin}, a managed member) and sends the
   * invitation. On any failure, what was made is deleted and {@link Refused} is thrown.
   */
  public Provisioned provision(String slug, String name, String domain, String adminEmail) {
    Client client = client();
    String organization = null;
    String user = null;
    try {
      String token = token(client);
      organization =
          created(
              admin(client, "organizations", token)
                  .post(
                      json(
                          Map.of(
                              "name",
                              name,
                              "alias",
                              slug,
                              "enabled",
                              true,
                              "description",
                              name + ": its staff and service accounts",
                              "domains",
                              List.of(Map.of("name", domain, "verified", false))))),
              "slug",
              "the organization");
      if (adminEmail != null) {
        user =
            created(
                admin(client, "users", token)
                    .post(
                        json(
                            Map.of(
                                "username",
                                adminEmail,
                                "email",
                                adminEmail,
                                "enabled",
                                true,
                                "emailVerified",
                                true,
                                "requiredActions",
                                List.of("UPDATE_PASSWORD")))),
                "admin_email",
                "the administrator");
        String role = read(admin(client, "roles/city-admin", token).get(), "the city-admin role");
        ok(
            admin(client, "users/" + user + "/role-mappings/realm", token)
                .post(Entity.entity("[" + role + "]", MediaType.APPLICATION_JSON)),
            "admin_email",
            "the city-admin role");
        ok(
            admin(client, "organizations/" + organization + "/members", token)
                .post(Entity.entity(user, MediaType.APPLICATION_JSON)),
            "admin_email",
            "the organization's membership");
        ok(
            client
                .target(adminBase())
                .path("users/" + user + "/execute-actions-email")
                .queryParam("lifespan", 7 * 24 * 3600)
                // once the password is set, Keycloak links back to the city's administration
                .queryParam("client_id", webClient)
                .queryParam("redirect_uri", adminPage(slug))
                .request()
                .header("Authorization", "Bearer " + token)
                .put(Entity.entity("[\"UPDATE_PASSWORD\"]", MediaType.APPLICATION_JSON)),
            "admin_email",
            "the invitation e-mail");
      }
      return new Provisioned(organization, user);
    } catch (RuntimeException e) {
      remove(new Provisioned(organization, user));
      if (e instanceof Refused) {
        throw e;
      }
      throw new Refused("", 0, "Keycloak cannot be reached: " + e.getMessage());
    } finally {
      client.close();
    }
  }

  /** The city's administration pages, where a new administrator starts. */
  String adminPage(String slug) {
    return publicUrl.replaceAll("/+$", "") + "/c/" + slug + "/admin/";
  }

  /** Deletes what {@link #provision} made (either may be null). Failures are logged, not thrown. */
  public void remove(Provisioned made) {
    if (made == null || (made.organizationId() == null && made.userId() == null)) {
      return;
    }
    Client client = client();
    try {
      String token = token(client);
      if (made.userId() != null) {
        admin(client, "users/" + made.userId(), token).delete().close();
      }
      if (made.organizationId() != null) {
        admin(client, "organizations/" + made.organizationId(), token).delete().close();
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Could not undo Keycloak provisioning {0}; delete it by hand: {1}",
          new Object[] {made, e.getMessage()});
    } finally {
      client.close();
    }
  }

  /** What {@link #removeCity} deleted in Keycloak. */
  public record Removed(boolean organization, int usersDeleted, int membersKept) {
    public static final Removed NONE = new Removed(false, 0, 0);
  }

  /**
   * Deletes the organization {@code slug} with its memberships, and the members who belong to no
   * other organization (their account served this city alone); members of other cities keep their
   * account. Nothing to delete (done already) is no error.
   *
   * @throws Refused when Keycloak refuses or cannot be reached
   */
  public Removed removeCity(String slug) {
    Client client = client();
    try {
      String token = token(client);
      Optional<String> organization = organizationId(client, token, slug);
      if (organization.isEmpty()) {
        return Removed.NONE;
      }
      String org = organization.get();
      int deleted = 0;
      int kept = 0;
      for (JsonObject member : pages(client, token, "organizations/" + org + "/members")) {
        String user = member.getString("id");
        JsonArray theirs =
            array(
                admin(client, "organizations/members/" + user + "/organizations", token).get(),
                "the member's organizations");
        boolean elsewhere =
            theirs.stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(o -> !org.equals(o.getString("id")));
        if (elsewhere) {
          kept++;
        } else {
          ok(admin(client, "users/" + user, token).delete(), "", "deleting a member");
          deleted++;
        }
      }
      ok(admin(client, "organizations/" + org, token).delete(), "", "deleting the organization");
      return new Removed(true, deleted, kept);
    } catch (Refused e) {
      throw e;
    } catch (RuntimeException e) {
      throw new Refused("", 0, "Keycloak cannot be reached: " + e.getMessage());
    } finally {
      client.close();
    }
  }

  private Optional<String> organizationId(Client client, String token, String alias) {
    for (JsonObject o : pages(client, token, "organizations")) {
      if (alias.equals(o.getString("alias", null))) {
        return Optional.of(o.getString("id"));
      }
    }
    return Optional.empty();
  }

  /** Every item of a paged list of the admin API, 100 at a time. */
  private List<JsonObject> pages(Client client, String token, String path) {
    List<JsonObject> all = new java.util.ArrayList<>();
    for (int first = 0; ; first += 100) {
      JsonArray page =
          array(
              client
                  .target(adminBase())
                  .path(path)
                  .queryParam("first", first)
                  .queryParam("max", 100)
                  .request(MediaType.APPLICATION_JSON)
                  .header("Authorization", "Bearer " + token)
                  .get(),
              path);
      page.stream().map(JsonValue::asJsonObject).forEach(all::add);
      if (page.size() < 100) {
        return all;
      }
    }
  }

  private static JsonArray array(Response r, String what) {
    try (r) {
      if (r.getStatus() != 200) {
        throw new Refused(
            "", r.getStatus(), "Keycloak refused reading " + what + " (" + r.getStatus() + ")");
      }
      return JSON_PROVIDER.createReader(new StringReader(r.readEntity(String.class))).readArray();
    }
  }

  private Client client() {
    return ClientBuilder.newBuilder()
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(20, TimeUnit.SECONDS)
        .build();
  }

  /** The realm's internal address, from its signing keys' address. */
  private String realmUrl() {
    int at = jwksUrl.indexOf("/protocol/openid-connect/");
    if (at < 0) {
      throw new IllegalStateException("civic311.identity.jwks-url is not a Keycloak realm's");
    }
    return jwksUrl.substring(0, at);
  }

  private String adminBase() {
    return realmUrl().replace("/realms/", "/admin/realms/");
  }

  private String token(Client client) {
    Form form =
        new Form()
            .param("grant_type", "client_credentials")
            .param("client_id", clientId)
            .param("client_secret", secret.orElseThrow());
    try (Response r =
        client
            .target(realmUrl() + "/protocol/openid-connect/token")
            .request(MediaType.APPLICATION_JSON)
            .post(Entity.form(form))) {
      String body = r.readEntity(String.class);
      if (r.getStatus() != 200) {
        throw new Refused("", r.getStatus(), "Keycloak refused the provisioning client: " + body);
      }
      JsonObject json = JSON_PROVIDER.createReader(new StringReader(body)).readObject();
      return json.getString("access_token");
    }
  }

  private jakarta.ws.rs.client.Invocation.Builder admin(Client client, String path, String token) {
    return client
        .target(adminBase())
        .path(path)
        .request(MediaType.APPLICATION_JSON)
        .header("Authorization", "Bearer " + token);
  }

  private static Entity<String> json(Map<String, ?> body) {
    return Entity.entity(JSON.toJson(body), MediaType.APPLICATION_JSON);
  }

  /** The id at the end of a 201's Location. */
  private static String created(Response r, String field, String what) {
    try (r) {
      if (r.getStatus() == 409) {
        throw new Refused(field, 409, what + " already exists in Keycloak");
      }
      if (r.getStatus() != 201 || r.getLocation() == null) {
        throw new Refused(
            field,
            r.getStatus(),
            "Keycloak refused " + what + " (" + r.getStatus() + "): " + r.readEntity(String.class));
      }
      URI location = r.getLocation();
      String path = location.getPath();
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  private static String read(Response r, String what) {
    try (r) {
      if (r.getStatus() != 200) {
        throw new Refused(
            "", r.getStatus(), "Keycloak has no " + what + " (" + r.getStatus() + ")");
      }
      return r.readEntity(String.class);
    }
  }

  private static void ok(Response r, String field, String what) {
    try (r) {
      if (r.getStatus() / 100 != 2) {
        throw new Refused(
            field,
            r.getStatus(),
            "Keycloak refused " + what + " (" + r.getStatus() + "): " + r.readEntity(String.class));
      }
    }
  }
}
