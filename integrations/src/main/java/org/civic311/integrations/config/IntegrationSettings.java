package org.civic311.integrations.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.civic311.platform.catalogue.application.CatalogueService;
import org.civic311.platform.shared.application.AuditLog;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.application.TenantTransactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current city's department integrations: read and saved by the city administrator (audited,
 * without secrets), and opened for the dispatch and the inbound signature check. Secrets go in
 * through here and never come out of it except as a {@link DepartmentConnection}.
 */
@ApplicationScoped
public class IntegrationSettings {
  /**
   * Looked up once: {@code Json}'s static methods look the provider up (a class-path scan) on every
   * call.
   */
  private static final jakarta.json.spi.JsonProvider JSON_PROVIDER =
      jakarta.json.spi.JsonProvider.provider();

  static final int MIN_SIGNING_SECRET = 16;
  static final int MAX_SECRET = 4000;

  @Inject DepartmentIntegrationRepository integrations;
  @Inject CatalogueService catalogue;
  @Inject SecretBox box;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * Whether a department's URL may point into private networks (loopback, site-local, link-local
   * such as a cloud's metadata address). Off in production: a city administrator must not be able
   * to make the platform call its own internals. The demo and the tests, whose stand-in department
   * systems run on localhost, turn it on.
   */
  @Inject
  @ConfigProperty(name = "civic311.integrations.allow-private-networks", defaultValue = "false")
  boolean allowPrivateNetworks;

  /**
   * @throws NoSuchDepartment when the city has no such department
   */
  @TenantTransactional
  public Optional<IntegrationView> find(String department) {
    requireDepartment(department);
    return integrations.findByDepartment(department).map(IntegrationView::of);
  }

  /** Every integration of the city (for the health page). */
  @TenantTransactional
  public List<IntegrationView> all() {
    return integrations.all().stream().map(IntegrationView::of).toList();
  }

  /**
   * Creates or replaces the department's integration; secrets left out are kept. Audited without
   * secrets (the entry says which were changed).
   *
   * @throws NoSuchDepartment when the city has no such department
   * @throws IllegalArgumentException naming the field that is wrong; nothing is stored then
   * @throws SecretBox.KeyMissing when the deployment has no encryption key
   */
  @TenantTransactional
  public IntegrationView save(String department, SaveIntegration request, String actor) {
    requireDepartment(department);
    ConnectorKind kind =
        ConnectorKind.fromWire(request.kind() == null ? "webhook" : request.kind())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "kind: '"
                            + request.kind()
                            + "' is not a connector kind (webhook, email, open311, sftp)"));
    Optional<DepartmentIntegration> existing = integrations.findByDepartment(department);
    String city = CurrentTenant.require().toString();
    List<String> changedSecrets = new ArrayList<>();
    WebhookAddress url;
    AuthKind auth;
    String credentials;
    String options = null;
    switch (kind) {
      case OPEN311 -> {
        RemoteOpen311.Settings remote = RemoteOpen311.settings(request);
        url = remote.url();
        checkNetwork(url);
        auth = AuthKind.API_KEY;
        options = remote.optionsJson();
        credentials =
            secret(
                "api_key",
                request.apiKey(),
                AuthKind.API_KEY,
                existing,
                city,
                department,
                changedSecrets);
      }
      case SFTP -> {
        SftpDrop.Settings sftp = SftpDrop.settings(request);
        url = sftp.url();
        checkNetwork(url);
        options = sftp.optionsJson();
        auth = request.privateKey() != null ? AuthKind.PRIVATE_KEY : AuthKind.PASSWORD;
        if (request.privateKey() == null
            && request.password() == null
            && existing.filter(i -> i.authKind() == AuthKind.PRIVATE_KEY).isPresent()) {
          auth = AuthKind.PRIVATE_KEY;
        }
        if (request.privateKey() != null && request.password() != null) {
          throw new IllegalArgumentException(
              "password: give a password or a private_key, not both");
        }
        credentials =
            auth == AuthKind.PRIVATE_KEY
                ? secret(
                    "private_key",
                    request.privateKey(),
                    auth,
                    existing,
                    city,
                    department,
                    changedSecrets)
                : secret(
                    "password",
                    request.password(),
                    auth,
                    existing,
                    city,
                    department,
                    changedSecrets);
      }
      default -> {
        if (request.jurisdictionId() != null
            || request.apiKey() != null
            || request.serviceCodes() != null) {
          throw new IllegalArgumentException(
              "kind: jurisdiction_id, api_key and service_codes go with kind 'open311'");
        }
        if (request.privateKey() != null
            || request.hostKeyFingerprint() != null
            || request.format() != null) {
          throw new IllegalArgumentException(
              "kind: private_key, host_key_fingerprint and format go with kind 'sftp'");
        }
        if (kind == ConnectorKind.EMAIL) {
          url = WebhookAddress.mailbox(request.url());
        } else {
          url = WebhookAddress.parse(request.url());
          checkNetwork(url);
        }
        auth =
            AuthKind.fromWire(request.auth() == null ? "none" : request.auth())
                .filter(
                    a ->
                        a == AuthKind.NONE
                            || a == AuthKind.BEARER
                            || a == AuthKind.BASIC
                            || a == AuthKind.OAUTH2)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "auth: '"
                                + request.auth()
                                + "' is not one of none, bearer, basic, oauth2"));
        if (kind == ConnectorKind.EMAIL && auth != AuthKind.NONE) {
          throw new IllegalArgumentException(
              "auth: an e-mail integration goes through the deployment's mail server; it takes"
                  + " none");
        }
        credentials = credentials(auth, request, existing, city, department, changedSecrets);
      }
    }
    String before = existing.map(i -> auditJson(IntegrationView.of(i), List.of())).orElse(null);
    String signingSecret;
    if (request.signingSecret() != null) {
      String secret = request.signingSecret();
      if (secret.length() < MIN_SIGNING_SECRET || secret.length() > MAX_SECRET) {
        throw new IllegalArgumentException(
            "signing_secret: "
                + MIN_SIGNING_SECRET
                + " to "
                + MAX_SECRET
                + " characters (use a random one, e.g. openssl rand -hex 32)");
      }
      signingSecret = box.seal(secret, binding(city, department, "signing-secret"));
      changedSecrets.add("signing_secret");
    } else {
      Optional<String> kept = existing.map(DepartmentIntegration::sealedSigningSecret);
      if (kept.isPresent()) {
        signingSecret = kept.get();
      } else if (kind != ConnectorKind.WEBHOOK) {
        // A mailbox, a remote Open311 server or a file drop signs nothing; its department can
        // still send status updates once an administrator sets a secret it knows. Until then, one
        // nobody knows.
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        signingSecret =
            box.seal(
                java.util.HexFormat.of().formatHex(random),
                binding(city, department, "signing-secret"));
      } else {
        throw new IllegalArgumentException("signing_secret: is required");
      }
    }
    boolean enabled = request.enabled() == null || request.enabled();
    DepartmentIntegration saved;
    if (existing.isPresent()) {
      saved = existing.get();
      saved.change(kind, url, auth, credentials, signingSecret, options, enabled, actor, clock);
    } else {
      saved =
          DepartmentIntegration.of(
              department,
              kind,
              url,
              auth,
              credentials,
              signingSecret,
              options,
              enabled,
              actor,
              clock);
      integrations.add(saved);
    }
    IntegrationView view = IntegrationView.of(saved);
    audit.record("integration:" + department, actor, before, auditJson(view, changedSecrets));
    return view;
  }

  /**
   * The sealed secret of an open311 or sftp integration: the new one, or the stored one when it is
   * left out and the kind of secret stays the same.
   */
  private String secret(
      String field,
      String given,
      AuthKind auth,
      Optional<DepartmentIntegration> existing,
      String city,
      String department,
      List<String> changed) {
    if (given == null) {
      return existing
          .filter(i -> i.authKind() == auth)
          .flatMap(DepartmentIntegration::sealedCredentials)
          .orElseThrow(() -> new IllegalArgumentException(field + ": is required"));
    }
    if (field.equals("private_key")) {
      if (given.isBlank() || given.length() > 16_000) {
        throw new IllegalArgumentException(field + ": 1 to 16000 characters");
      }
    } else {
      headerSafe(field, given);
    }
    changed.add("credentials");
    return box.seal(given, binding(city, department, "credentials"));
  }

  /**
   * The department's integration with its secrets opened, for dispatch and the inbound check. Empty
   * when the department has none.
   */
  @TenantTransactional
  public Optional<DepartmentConnection> connection(String department) {
    return integrations.findByDepartment(department).map(this::open);
  }

  private DepartmentConnection open(DepartmentIntegration i) {
    String city = CurrentTenant.require().toString();
    Optional<String> clear =
        i.sealedCredentials()
            .map(stored -> box.open(stored, binding(city, i.department(), "credentials")));
    OAuth2Client oauth2 =
        i.authKind() == AuthKind.OAUTH2 ? clear.map(OAuth2Client::fromJson).orElse(null) : null;
    String authorization =
        clear
            .filter(c -> i.authKind() == AuthKind.BEARER || i.authKind() == AuthKind.BASIC)
            .map(
                text ->
                    i.authKind() == AuthKind.BEARER
                        ? "Bearer " + text
                        : "Basic "
                            + Base64.getEncoder()
                                .encodeToString(text.getBytes(StandardCharsets.UTF_8)))
            .orElse(null);
    return new DepartmentConnection(
        i.department(),
        i.kind(),
        i.url(),
        i.version(),
        i.enabled(),
        authorization,
        box.open(i.sealedSigningSecret(), binding(city, i.department(), "signing-secret")),
        oauth2,
        i.kind() == ConnectorKind.OPEN311 || i.kind() == ConnectorKind.SFTP
            ? clear.orElse(null)
            : null,
        i.options(),
        i.authKind());
  }

  /** The sealed credentials the request leads to: new ones, the kept ones, or none. */
  private String credentials(
      AuthKind auth,
      SaveIntegration request,
      Optional<DepartmentIntegration> existing,
      String city,
      String department,
      List<String> changed) {
    boolean sameKind = existing.filter(i -> i.authKind() == auth).isPresent();
    Optional<String> kept =
        sameKind ? existing.flatMap(DepartmentIntegration::sealedCredentials) : Optional.empty();
    boolean oauth2Given =
        request.tokenUrl() != null || request.clientId() != null || request.clientSecret() != null;
    if (auth != AuthKind.OAUTH2 && (oauth2Given || request.scope() != null)) {
      throw new IllegalArgumentException(
          "auth: token_url, client_id, client_secret and scope go with auth 'oauth2'");
    }
    switch (auth) {
      case OAUTH2:
        if (request.token() != null || request.username() != null || request.password() != null) {
          throw new IllegalArgumentException(
              "auth: 'oauth2' takes token_url, client_id and client_secret");
        }
        if (!oauth2Given && request.scope() == null) {
          return kept.orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "token_url: and client_id and client_secret are required with auth"
                          + " 'oauth2'"));
        }
        OAuth2Client client = oauth2Client(request);
        changed.add("credentials");
        return box.seal(client.toJson(), binding(city, department, "credentials"));
      case NONE:
        if (request.token() != null || request.username() != null || request.password() != null) {
          throw new IllegalArgumentException("auth: 'none' takes no token, username or password");
        }
        if (existing.flatMap(DepartmentIntegration::sealedCredentials).isPresent()) {
          changed.add("credentials");
        }
        return null;
      case BEARER:
        if (request.username() != null || request.password() != null) {
          throw new IllegalArgumentException("auth: 'bearer' takes a token, not a username");
        }
        if (request.token() == null) {
          return kept.orElseThrow(
              () -> new IllegalArgumentException("token: is required with auth 'bearer'"));
        }
        headerSafe("token", request.token());
        changed.add("credentials");
        return box.seal(request.token(), binding(city, department, "credentials"));
      case BASIC:
        if (request.token() != null) {
          throw new IllegalArgumentException("auth: 'basic' takes a username and password");
        }
        if (request.username() == null && request.password() == null) {
          return kept.orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "username: and password are required with auth 'basic'"));
        }
        if (request.username() == null || request.username().isBlank()) {
          throw new IllegalArgumentException("username: is required with a password");
        }
        if (request.password() == null) {
          throw new IllegalArgumentException("password: is required with a username");
        }
        if (request.username().contains(":")) {
          throw new IllegalArgumentException("username: must not contain ':' (RFC 7617)");
        }
        headerSafe("username", request.username());
        headerSafe("password", request.password());
        changed.add("credentials");
        return box.seal(
            request.username() + ":" + request.password(),
            binding(city, department, "credentials"));
      default:
        throw new IllegalStateException(auth.toString());
    }
  }

  /** The client credentials of an {@code oauth2} integration, each checked and named. */
  private OAuth2Client oauth2Client(SaveIntegration request) {
    if (request.tokenUrl() == null) {
      throw new IllegalArgumentException("token_url: is required with auth 'oauth2'");
    }
    WebhookAddress tokenUrl;
    try {
      tokenUrl = WebhookAddress.parse(request.tokenUrl());
      checkNetwork(tokenUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replaceFirst("^url: ", "token_url: "), e);
    }
    if (request.clientId() == null || request.clientId().isBlank()) {
      throw new IllegalArgumentException("client_id: is required with auth 'oauth2'");
    }
    headerSafe("client_id", request.clientId());
    if (request.clientSecret() == null) {
      throw new IllegalArgumentException(
          "client_secret: is required with a token_url and client_id (it is never shown again)");
    }
    headerSafe("client_secret", request.clientSecret());
    String scope = request.scope() == null || request.scope().isBlank() ? null : request.scope();
    if (scope != null) {
      headerSafe("scope", scope);
    }
    return new OAuth2Client(tokenUrl.uri(), request.clientId(), request.clientSecret(), scope);
  }

  /** A value that ends up in an HTTP header: no line breaks or other control characters. */
  private static void headerSafe(String field, String value) {
    if (value.isEmpty() || value.length() > MAX_SECRET) {
      throw new IllegalArgumentException(field + ": 1 to " + MAX_SECRET + " characters");
    }
    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(field + ": must not contain control characters");
    }
  }

  /** Refuses addresses inside private networks unless the deployment allows them. */
  void checkNetwork(WebhookAddress url) {
    if (allowPrivateNetworks) {
      return;
    }
    org.civic311.platform.shared.application.PublicHosts.require("url", url.host());
  }

  private void requireDepartment(String department) {
    if (catalogue.department(department).isEmpty()) {
      throw new NoSuchDepartment(department);
    }
  }

  private static SecretBox.Binding binding(String city, String department, String purpose) {
    return new SecretBox.Binding(city, department, purpose);
  }

  /** The audit document: the view (no secrets) and which secrets this change replaced. */
  private static String auditJson(IntegrationView v, List<String> secretsChanged) {
    JsonArrayBuilder changed = JSON_PROVIDER.createArrayBuilder();
    secretsChanged.forEach(changed::add);
    JsonObjectBuilder json =
        JSON_PROVIDER
            .createObjectBuilder()
            .add("department", v.department())
            .add("kind", v.kind())
            .add("url", v.url())
            .add("auth", v.auth())
            .add("credentials_set", v.credentialsSet())
            .add("signing_secret_set", v.signingSecretSet())
            .add("enabled", v.enabled())
            .add("version", v.version())
            .add("updated_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(v.updatedAt()));
    if (v.options() != null) {
      json.add("options", v.options());
    }
    if (!secretsChanged.isEmpty()) {
      json.add("secrets_changed", changed);
    }
    return json.build().toString();
  }
}
