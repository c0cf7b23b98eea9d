package org.civic311.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chart in {@code helm/civic311} lints, renders what docs/operations.md asks of a deployment,
 * and refuses to render without its two required values. helm-java runs Helm in this JVM, so no
 * helm binary is needed.
 */
class HelmChartTest {
  private static final Path CHART = Path.of("../../helm/civic311");
  private static final String DB_URL = "jdbc:postgresql://db:5432/civic311";
  private static final String DB_SECRET = "civic311-db";
  private static final String ISSUER = "https://login.example.org/realms/civic311";

  @Test
  void passesHelmLint() {
    // No values needed: the schema lets the two empty placeholders through, and Helm's lint mode
    // turns validateValues' fail into a log line. The render tests below cover the values.
    LintResult result = new Helm(CHART).lint().call();

    assertThat(result.isFailed())
        .as("helm lint failed:%n%s", String.join("\n", result.getMessages()))
        .isFalse();
  }

  @Test
  void rendersOneDeploymentWithTheDatabaseUrlAndBothRolesFromTheExistingSecret() {
    String manifest = withRequiredValues().call();

    assertThat(manifest).contains("kind: Deployment", "kind: Service");
    assertThat(Pattern.compile("(?m)^kind: Deployment$").matcher(manifest).results().count())
        .isEqualTo(1);
    assertThat(manifest)
        .containsPattern("- name: CIVIC311_DB_URL\\s+value: \"" + Pattern.quote(DB_URL) + "\"");
    assertFromSecret(manifest, "CIVIC311_DB_USER", "app-user");
    assertFromSecret(manifest, "CIVIC311_DB_PASSWORD", "app-password");
    assertFromSecret(manifest, "CIVIC311_DB_OWNER_USER", "owner-user");
    assertFromSecret(manifest, "CIVIC311_DB_OWNER_PASSWORD", "owner-password");
    assertThat(manifest)
        .containsPattern("- name: CIVIC311_DEMO_ENABLED\\s+value: \"false\"")
        .containsPattern("- name: JAVA_TOOL_OPTIONS\\s+value: \"-XX:MaxRAMPercentage=60\"");
  }

  @Test
  void verifiesTokensOfTheBrowsersIssuerWithKeysFetchedFromTheInClusterAddress() {
    assertThat(withRequiredValues().call())
        .containsPattern("- name: CIVIC311_IDENTITY_ISSUER\\s+value: \"" + ISSUER + "\"")
        .containsPattern(
            "- name: CIVIC311_IDENTITY_JWKS_URL\\s+value: \""
                + ISSUER
                + "/protocol/openid-connect/certs\"")
        .containsPattern("- name: CIVIC311_IDENTITY_AUDIENCE\\s+value: \"civic311-api\"")
        .containsPattern("- name: CIVIC311_IDENTITY_WEB_CLIENT\\s+value: \"civic311-web\"");
    String internal =
        "http://keycloak.identity.svc:8080/realms/civic311/protocol/openid-connect/certs";
    assertThat(withRequiredValues().set("identity.jwksUrl", internal).call())
        .containsPattern("- name: CIVIC311_IDENTITY_JWKS_URL\\s+value: \"" + internal + "\"");
  }

  @Test
  void takesTheVoiceTokenFromAnExistingSecretOnlyWhenOneIsNamed() {
    assertThat(withRequiredValues().call()).doesNotContain("CIVIC311_VOICE_AUTH_TOKEN");
    assertThat(withRequiredValues().set("voice.existingSecret", "twilio").call())
        .containsPattern(
            "- name: CIVIC311_VOICE_AUTH_TOKEN\\s+valueFrom:\\s+secretKeyRef:\\s+name: \"twilio\"\\s+key: auth-token");
  }

  @Test
  void takesTheIntegrationsKeyFromAnExistingSecretAndKeepsPrivateNetworksClosed() {
    assertThat(withRequiredValues().call())
        .doesNotContain("CIVIC311_INTEGRATIONS_KEY")
        .containsPattern(
            "- name: CIVIC311_INTEGRATIONS_ALLOW_PRIVATE_NETWORKS\\s+value: \"false\"");
    assertThat(withRequiredValues().set("integrations.existingSecret", "integrations").call())
        .containsPattern(
            "- name: CIVIC311_INTEGRATIONS_KEY\\s+valueFrom:\\s+secretKeyRef:\\s+name: \"integrations\"\\s+key: encryption-key");
  }

  @Test
  void configuresMailOnlyWhenAServerIsNamedAndTakesItsLoginFromASecret() {
    assertThat(withRequiredValues().call()).doesNotContain("CIVIC311_NOTIFICATION_SMTP_HOST");
    assertThat(
            withRequiredValues()
                .set("mail.smtpHost", "smtp.example.org")
                .set("mail.existingSecret", "smtp")
                .call())
        .containsPattern("- name: CIVIC311_NOTIFICATION_SMTP_HOST\\s+value: \"smtp.example.org\"")
        .containsPattern("- name: CIVIC311_NOTIFICATION_SMTP_TLS\\s+value: \"starttls\"")
        .containsPattern(
            "- name: CIVIC311_NOTIFICATION_SMTP_PASSWORD\\s+valueFrom:\\s+secretKeyRef:\\s+name: \"smtp\"\\s+key: smtp-password");
  }

  @Test
  void refusesToRenderWithoutTheIssuerAndSaysHowToSetIt() {
    TemplateCommand withoutIssuer =
        new Helm(CHART)
            .template()
            .set("database.url", DB_URL)
            .set("database.existingSecret", DB_SECRET);

    assertThatThrownBy(withoutIssuer::call)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("set identity.issuer to the Keycloak realm's issuer URL");
  }

  @Test
  void probesLivenessAndStartupOnLiveAndReadinessOnReady() {
    String manifest = withRequiredValues().call();

    assertThat(block(manifest, "startupProbe:"))
        .contains("path: /health/live", "port: http", "failureThreshold: 30", "periodSeconds: 5");
    assertThat(block(manifest, "livenessProbe:")).contains("path: /health/live");
    assertThat(block(manifest, "readinessProbe:")).contains("path: /health/ready");
  }

  @Test
  void runsAsAnUnprivilegedNonRootUser() {
    String manifest = withRequiredValues().call();

    assertThat(manifest)
        .contains(
            "runAsNonRoot: true",
            "runAsUser: 1000",
            "allowPrivilegeEscalation: false",
            "readOnlyRootFilesystem: false")
        .containsPattern("capabilities:\\s+drop:\\s+- ALL");
  }

  @Test
  void protectsTheReplicasWithADisruptionBudgetOnlyWhenThereIsMoreThanOne() {
    assertThat(withRequiredValues().call())
        .contains("kind: PodDisruptionBudget", "minAvailable: 1");
    assertThat(withRequiredValues().set("replicaCount", 1).call())
        .doesNotContain("PodDisruptionBudget");
  }

  @Test
  void refusesToRenderWithoutTheExistingSecretAndSaysWhichKeysItNeeds() {
    TemplateCommand withoutSecret = new Helm(CHART).template().set("database.url", DB_URL);

    assertThatThrownBy(withoutSecret::call)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("existingSecret")
        .hasMessageContaining(
            "set database.existingSecret to the name of a Secret with keys app-user,"
                + " app-password, owner-user, owner-password");
  }

  @Test
  void refusesToRenderWithoutTheDatabaseUrl() {
    TemplateCommand withoutUrl =
        new Helm(CHART).template().set("database.existingSecret", DB_SECRET);

    assertThatThrownBy(withoutUrl::call)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("set database.url to the JDBC URL of the PostgreSQL database");
  }

  @Test
  void rejectsADatabaseUrlThatIsNotAPostgresqlJdbcUrl() {
    TemplateCommand mysql =
        withRequiredValues().set("database.url", "jdbc:mysql://db:3306/civic311");

    // values.schema.json: the message names the key and the pattern its value must match
    assertThatThrownBy(mysql::call)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContainingAll("schema", "url", "jdbc:postgresql://");
  }

  private static TemplateCommand withRequiredValues() {
    return new Helm(CHART)
        .template()
        .set("database.url", DB_URL)
        .set("database.existingSecret", DB_SECRET)
        .set("identity.issuer", ISSUER);
  }

  private static void assertFromSecret(String manifest, String variable, String key) {
    assertThat(manifest)
        .containsPattern(
            "- name: "
                + variable
                + "\\s+valueFrom:\\s+secretKeyRef:\\s+name: \""
                + DB_SECRET
                + "\"\\s+key: "
                + key
                + "\\s");
  }

  /** The line that starts with {@code key} and the more deeply indented lines under it. */
  private static String block(String manifest, String key) {
    String[] lines = manifest.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String trimmed = lines[i].stripLeading();
      if (trimmed.startsWith(key)) {
        int indent = lines[i].length() - trimmed.length();
        StringBuilder block = new StringBuilder(lines[i]).append('\n');
        for (int j = i + 1; j < lines.length; j++) {
          String line = lines[j];
          if (line.length() - line.stripLeading().length() <= indent) {
            break;
          }
          block.append(line).append('\n');
        }
        return block.toString();
      }
    }
    throw new AssertionError(key + " not found in:\n" + manifest);
  }
}
