package org.civic311.integrations.config.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import org.civic311.integrations.config.IntegrationSettings;
import org.civic311.integrations.config.IntegrationView;
import org.civic311.integrations.config.NoSuchDepartment;
import org.civic311.integrations.config.RemoteOpen311;
import org.civic311.integrations.config.SaveIntegration;
import org.civic311.integrations.config.SecretBox;
import org.civic311.integrations.config.SftpDrop;
import org.civic311.integrations.config.WebhookAddress;
import org.civic311.platform.shared.api.Caller;
import org.civic311.platform.shared.api.ProblemException;
import org.civic311.platform.shared.application.Roles;

/**
 * A city administrator's connection from one department to its own system. Secrets go in and never
 * come out: the answer says only whether each is set. Every change is audited without secrets.
 */
@RequestScoped
@RolesAllowed(Roles.CITY_ADMIN)
@Path("api/v1/cities/{city}/admin/departments/{code}/integration")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentIntegrationResource {
  @Inject IntegrationSettings settings;
  @Context SecurityContext security;

  /** In: what the administrator sets. A secret left out keeps the stored one. */
  public record SaveIntegrationPayload(
      String kind,
      String url,
      String auth,
      String token,
      String username,
      String password,
      @JsonbProperty("signing_secret") String signingSecret,
      Boolean enabled,
      @JsonbProperty("token_url") String tokenUrl,
      @JsonbProperty("client_id") String clientId,
      @JsonbProperty("client_secret") String clientSecret,
      String scope,
      @JsonbProperty("jurisdiction_id") String jurisdictionId,
      @JsonbProperty("api_key") String apiKey,
      @JsonbProperty("service_codes") java.util.Map<String, String> serviceCodes,
      @JsonbProperty("private_key") String privateKey,
      @JsonbProperty("host_key_fingerprint") String hostKeyFingerprint,
      String format) {
    @Override
    public String toString() {
      return "SaveIntegrationPayload[kind=" + kind + ", url=" + url + ", auth=" + auth + "]";
    }
  }

  /** Out: the integration without its secrets. */
  @JsonbPropertyOrder({
    "department",
    "kind",
    "url",
    "auth",
    "credentials_set",
    "signing_secret_set",
    "enabled",
    "version",
    "updated_at",
    "updated_by",
    "status_updates_path",
    "jurisdiction_id",
    "service_codes",
    "username",
    "host_key_fingerprint",
    "format"
  })
  public record IntegrationResponse(
      String department,
      String kind,
      String url,
      String auth,
      @JsonbProperty("credentials_set") boolean credentialsSet,
      @JsonbProperty("signing_secret_set") boolean signingSecretSet,
      boolean enabled,
      int version,
      @JsonbProperty("updated_at") OffsetDateTime updatedAt,
      @JsonbProperty("updated_by") String updatedBy,
      @JsonbProperty("status_updates_path") String statusUpdatesPath,
      @JsonbProperty("jurisdiction_id") String jurisdictionId,
      @JsonbProperty("service_codes") java.util.Map<String, String> serviceCodes,
      String username,
      @JsonbProperty("host_key_fingerprint") String hostKeyFingerprint,
      String format) {
    static IntegrationResponse of(String city, IntegrationView v) {
      RemoteOpen311.Settings open311 =
          "open311".equals(v.kind()) && v.options() != null
              ? RemoteOpen311.of(new WebhookAddress(java.net.URI.create(v.url())), v.options())
              : null;
      SftpDrop.Settings sftp =
          "sftp".equals(v.kind()) && v.options() != null
              ? SftpDrop.of(new WebhookAddress(java.net.URI.create(v.url())), v.options())
              : null;
      return new IntegrationResponse(
          v.department(),
          v.kind(),
          v.url(),
          v.auth(),
          v.credentialsSet(),
          v.signingSecretSet(),
          v.enabled(),
          v.version(),
          v.updatedAt(),
          v.updatedBy(),
          "/api/v1/cities/" + city + "/integrations/" + v.department() + "/status-updates",
          open311 == null ? null : open311.jurisdictionId(),
          open311 == null ? null : open311.serviceCodes(),
          sftp == null ? null : sftp.username(),
          sftp == null ? null : sftp.hostKeyFingerprint(),
          sftp == null ? null : sftp.format());
    }
  }

  @GET
  public IntegrationResponse integration(
      @PathParam("city") String city, @PathParam("code") String code) {
    return answer(
        code,
        () ->
            settings
                .find(code)
                .map(v -> IntegrationResponse.of(city, v))
                .orElseThrow(
                    () ->
                        ProblemException.notFound(
                            "The department '" + code + "' has no integration yet.")));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public IntegrationResponse save(
      @PathParam("city") String city,
      @PathParam("code") String code,
      @NotNull(message = "a JSON body is required") SaveIntegrationPayload payload) {
    String actor = Caller.of(security).actor();
    SaveIntegration request =
        new SaveIntegration(
            payload.kind(),
            payload.url(),
            payload.auth(),
            payload.token(),
            payload.username(),
            payload.password(),
            payload.signingSecret(),
            payload.enabled(),
            payload.tokenUrl(),
            payload.clientId(),
            payload.clientSecret(),
            payload.scope(),
            payload.jurisdictionId(),
            payload.apiKey(),
            payload.serviceCodes(),
            payload.privateKey(),
            payload.hostKeyFingerprint(),
            payload.format());
    return answer(code, () -> IntegrationResponse.of(city, settings.save(code, request, actor)));
  }

  private static IntegrationResponse answer(String code, Supplier<IntegrationResponse> work) {
    try {
      return work.get();
    } catch (NoSuchDepartment e) {
      throw ProblemException.notFound("This city has no department '" + code + "'.");
    } catch (SecretBox.KeyMissing e) {
      throw new ProblemException(
          Response.Status.SERVICE_UNAVAILABLE,
          "Department integrations are not set up on this deployment (no encryption key);"
              + " ask the operator.");
    } catch (IllegalArgumentException e) {
      throw ProblemException.fromRule(e);
    }
  }
}
