package org.civic311.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.civic311.it.support.Db;
import org.civic311.it.support.Db.TestCity;
import org.civic311.it.support.Mail;
import org.civic311.it.support.PlatformIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SFTP file-drop connector against a real SFTP server (Apache MINA SSHD, started here on
 * loopback with its own host key and a password user): each event becomes one file named by its
 * idempotency key, written whole (temporary name, then renamed), in JSON or CSV; a server showing
 * another host key than the one configured gets nothing; each city's files are its own.
 */
class SftpDropIT extends PlatformIT {
  private static final String USER = "drop";

  private SshServer server;
  private Path root;
  private String password;
  private String fingerprint;
  private java.security.KeyPair userKey;

  @BeforeEach
  void anSftpServer() throws Exception {
    Path work = Path.of(System.getProperty("civic311.it.work", "target/it"));
    root = Files.createDirectories(work.resolve("sftp-" + UUID.randomUUID()));
    password = "sftp-" + UUID.randomUUID();
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    SimpleGeneratorHostKeyProvider keys =
        new SimpleGeneratorHostKeyProvider(root.resolveSibling(root.getFileName() + ".hostkey"));
    server.setKeyPairProvider(keys);
    server.setPasswordAuthenticator(
        (user, given, session) -> USER.equals(user) && password.equals(given));
    java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    userKey = rsa.generateKeyPair();
    server.setPublickeyAuthenticator(
        (user, given, session) ->
            USER.equals(user) && KeyUtils.compareKeys(given, userKey.getPublic()));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    server.start();
    PublicKey key = keys.loadKeys(null).iterator().next().getPublic();
    fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
  }

  @AfterEach
  void stopTheServer() throws Exception {
    server.stop(true);
  }

  private Map<String, Object> drop(String directory, String format, String pin) {
    Map<String, Object> sftp = new HashMap<>();
    sftp.put("kind", "sftp");
    sftp.put("url", "sftp://127.0.0.1:" + server.getPort() + "/" + directory);
    sftp.put("username", USER);
    sftp.put("password", password);
    sftp.put("host_key_fingerprint", pin);
    sftp.put("format", format);
    return sftp;
  }

  private static void save(TestCity city, Map<String, Object> integration) {
    as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(integration)
        .put("api/v1/cities/{city}/admin/departments/roads/integration", city.slug())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }

  private static String submit(TestCity city) {
    return api()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "service_code", "pothole",
                "description", "Dropped, with a comma, and \"quotes\"",
                "address_string", "100 Main Street",
                "acknowledge_duplicate", true))
        .post("api/v1/cities/{city}/service-requests", city.slug())
        .then()
        .statusCode(201)
        .extract()
        .path("service_request_id");
  }

  private static void move(TestCity city, String id, String status) {
    as(city, "agent")
        .contentType(ContentType.JSON)
        .body(Map.of("status", status, "public_note", "Moved to " + status))
        .post("api/v1/cities/{city}/service-requests/{id}/status", city.slug(), id)
        .then()
        .statusCode(200);
  }

  /**
   * The files delivered to {@code directory}: not the temporary {@code .name.part} of a file still
   * being written (it is renamed once complete).
   */
  private List<String> files(String directory) {
    Path dir = root.resolve(directory);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .sorted()
          .toList();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String read(String directory, String name) throws Exception {
    return Files.readString(root.resolve(directory).resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void eachEventIsOneWholeFileNamedByItsKeyAndEachCityWritesOnlyItsOwn() throws Exception {
    TestCity city = cityWithRoads("drop");
    TestCity other = cityWithRoads("drop-other");
    save(city, drop("roads", "json", fingerprint));
    save(other, drop("other-roads", "json", fingerprint));
    String id = submit(city);
    move(city, id, "in_progress");
    String theirs = submit(other);

    String first = id + "_0000000001.json";
    String second = id + "_0000000002.json";
    Mail.await(() -> files("roads").size() == 2, "two files for " + id);
    Mail.await(() -> files("other-roads").size() == 1, "one file for " + theirs);
    assertThat(files("roads")).containsExactly(first, second); // no .part left behind
    JsonObject json = Json.createReader(new StringReader(read("roads", second))).readObject();
    assertThat(json.getString("idempotency_key")).isEqualTo(id + ":2");
    assertThat(json.getJsonObject("event").getString("status")).isEqualTo("in_progress");
    assertThat(json.getJsonObject("service_request").getString("service_request_id")).isEqualTo(id);
    // the other city's route carried only the other city's request
    assertThat(files("other-roads")).containsExactly(theirs + "_0000000001.json");
    assertThat(read("other-roads", theirs + "_0000000001.json")).doesNotContain(id);
    assertThat(read("roads", first)).doesNotContain(theirs);

    // the same department, now in CSV: one record under the header, quoted where needed
    Map<String, Object> csv = drop("roads", "csv", fingerprint);
    csv.remove("password"); // kept
    save(city, csv);
    move(city, id, "resolved");
    String third = id + "_0000000003.csv";
    Mail.await(() -> files("roads").contains(third), "the CSV file");
    List<String> lines = read("roads", third).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("idempotency_key,department,seq,type,status");
    assertThat(lines.get(1))
        .startsWith(id + ":3,roads,3,status_changed,resolved,in_progress,Moved to resolved,")
        .contains("\"Dropped, with a comma, and \"\"quotes\"\"\"");
    assertThat(files("roads")).hasSize(3);
  }

  @Test
  void aServerShowingAnotherHostKeyGetsNothingAndTheChangeIsADeadLetter() throws Exception {
    TestCity city = cityWithRoads("drop-pin");
    save(city, drop("pinned", "json", "SHA256:" + "A".repeat(43)));
    String id = submit(city);
    Mail.await(
        () ->
            !as(city, "city-admin")
                .get("api/v1/cities/{city}/admin/integrations/dead-letters", city.slug())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .isEmpty(),
        "the change to be parked");
    String reason =
        as(city, "city-admin")
            .get("api/v1/cities/{city}/admin/integrations/dead-letters", city.slug())
            .then()
            .extract()
            .path("[0].last_error");
    assertThat(reason).contains("host_key_fingerprint");
    assertThat(files("pinned")).isEmpty();
    assertThat(id).isNotBlank();

    // the secrets never come back
    String answer =
        as(city, "city-admin")
            .get("api/v1/cities/{city}/admin/departments/roads/integration", city.slug())
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(answer).doesNotContain(password).contains("\"credentials_set\":true");
  }

  @Test
  void aPrivateKeyLogsInInsteadOfAPasswordAndIsNeverShown() throws Exception {
    TestCity city = cityWithRoads("drop-key");
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(userKey.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Map<String, Object> byKey = drop("keyed", "json", fingerprint);
    byKey.remove("password");
    byKey.put("private_key", pem);
    save(city, byKey);
    String id = submit(city);
    Mail.await(() -> files("keyed").size() == 1, "the file written with the key");
    assertThat(files("keyed")).containsExactly(id + "_0000000001.json");
    String answer =
        as(city, "city-admin")
            .get("api/v1/cities/{city}/admin/departments/roads/integration", city.slug())
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(answer).doesNotContain("PRIVATE KEY").contains("\"auth\":\"private_key\"");
  }

  private static TestCity cityWithRoads(String prefix) throws Exception {
    TestCity city = Db.createCity(prefix);
    Db.addCategory(city, UUID.randomUUID(), "pothole", "Pothole");
    as(city, "city-admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Roads", "categories", List.of("pothole")))
        .put("api/v1/cities/{city}/admin/departments/roads", city.slug())
        .then()
        .statusCode(200);
    return city;
  }
}
