package org.civic311.integrations.connector.sftp;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UserInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.remote.FtpUtils;
import org.apache.camel.component.file.remote.RemoteFileConfiguration;
import org.apache.camel.component.file.remote.RemoteFileOperations;
import org.apache.camel.component.file.remote.SftpComponent;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.file.remote.SftpOperations;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.apache.camel.util.StringHelper;

/**
 * Camel's {@code sftp} component with two differences a multi-tenant file drop needs. The server's
 * host key is checked against the SHA-256 fingerprint the city's administrator configured (endpoint
 * option {@code hostKeyFingerprint}; OpenSSH's {@code SHA256:<base64>}): another key is refused,
 * and there is no known-hosts file shared by all cities. The password or private key is not an
 * endpoint option (endpoint URIs show up in route dumps and management): it rides on each exchange
 * as a property ({@link #PASSWORD}, {@link #PRIVATE_KEY}) and is given to the connection when it is
 * made.
 */
// Named as Camel's own, so that Camel finds sftp's generated option configurers for it.
@org.apache.camel.spi.annotations.Component("sftp")
public class PinnedSftpComponent extends SftpComponent {
  /** Exchange properties the sender sets. */
  public static final String PASSWORD = "civic311.sftpPassword";

  public static final String PRIVATE_KEY = "civic311.sftpPrivateKey";

  @Override
  protected GenericFileEndpoint<SftpRemoteFile> buildFileEndpoint(
      String uri, String remaining, Map<String, Object> parameters) throws Exception {
    Object pinned = parameters.remove("hostKeyFingerprint");
    if (pinned == null) {
      throw new IllegalArgumentException("an sftp endpoint here needs its hostKeyFingerprint");
    }
    String baseUri = StringHelper.before(uri, "?", uri);
    SftpConfiguration config = new SftpConfiguration(new URI(baseUri));
    config.setStrictHostKeyChecking("yes");
    FtpUtils.ensureRelativeFtpDirectory(this, config);
    return new PinnedEndpoint(uri, this, config, pinned.toString());
  }

  /** An endpoint whose connections check the pinned host key. */
  static final class PinnedEndpoint extends SftpEndpoint {
    private final String fingerprint;

    PinnedEndpoint(String uri, SftpComponent component, SftpConfiguration config, String pin) {
      super(uri, component, config);
      this.fingerprint = pin;
    }

    @Override
    public RemoteFileOperations<SftpRemoteFile> createRemoteFileOperations() {
      PinnedOperations operations = new PinnedOperations(proxy, fingerprint);
      operations.setEndpoint(this);
      return operations;
    }
  }

  /** Connections with the exchange's credentials and the pinned host key. */
  static final class PinnedOperations extends SftpOperations {
    private final String fingerprint;

    PinnedOperations(com.jcraft.jsch.Proxy proxy, String fingerprint) {
      super(proxy);
      this.fingerprint = fingerprint;
    }

    @Override
    public synchronized boolean connect(RemoteFileConfiguration configuration, Exchange exchange) {
      if (exchange != null && configuration instanceof SftpConfiguration sftp) {
        // The same for every exchange of this endpoint (one route per department and version).
        String password = exchange.getProperty(PASSWORD, String.class);
        String key = exchange.getProperty(PRIVATE_KEY, String.class);
        exchange.removeProperty(PASSWORD);
        exchange.removeProperty(PRIVATE_KEY);
        if (password != null) {
          sftp.setPassword(password);
        }
        if (key != null) {
          sftp.setPrivateKey(key.getBytes(StandardCharsets.UTF_8));
        }
      }
      return super.connect(configuration, exchange);
    }

    @Override
    protected Session createSession(RemoteFileConfiguration configuration) throws JSchException {
      Session session = super.createSession(configuration);
      session.setHostKeyRepository(new Pinned(fingerprint));
      session.setConfig("StrictHostKeyChecking", "yes");
      return session;
    }
  }

  /** A host key repository that knows one key: the one with the pinned fingerprint. */
  static final class Pinned implements HostKeyRepository {
    private final String fingerprint;

    Pinned(String fingerprint) {
      this.fingerprint = fingerprint.replaceAll("=+$", "");
    }

    @Override
    public int check(String host, byte[] key) {
      return fingerprint.equals(fingerprintOf(key)) ? OK : NOT_INCLUDED;
    }

    /** OpenSSH's {@code SHA256:<base64 without padding>} of a host key's blob. */
    static String fingerprintOf(byte[] key) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
      // never learns a key
    }

    @Override
    public void remove(String host, String type) {}

    @Override
    public void remove(String host, String type, byte[] key) {}

    @Override
    public String getKnownHostsRepositoryID() {
      return "civic311-pinned";
    }

    @Override
    public HostKey[] getHostKey() {
      return new HostKey[0];
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
      return new HostKey[0];
    }
  }
}
