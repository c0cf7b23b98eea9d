package org.civic311.it.support;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * One Payara Micro for the whole integration-test run. The managed Payara Micro container starts a
 * JVM per deployment (10-20 s each); every test class deploys the same real WAR, so the first
 * class's deployment is kept and later classes reuse it. Payara Micro is stopped by the container's
 * own shutdown hook when the test JVM exits.
 */
public class DeployOnceExtension implements LoadableExtension {
  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(DeployOnce.class);
  }

  /** The observer: lets the first deployment through and keeps it. */
  public static class DeployOnce {
    private static volatile boolean deployed;
    private static volatile HTTPContext http;

    public void deployOnce(@Observes EventContext<DeployManagedDeployments> event) {
      if (!deployed) {
        event.proceed();
        deployed = true;
      }
    }

    public void keepDeployed(@Observes EventContext<UnDeployManagedDeployments> event) {
      // deliberately not proceeding: the deployment outlives the test class
    }

    public void remember(@Observes ProtocolMetaData metaData) {
      if (metaData.hasContext(HTTPContext.class)) {
        http = metaData.getContexts(HTTPContext.class).iterator().next();
      }
    }

    static HTTPContext http() {
      if (http == null) {
        throw new IllegalStateException("Payara Micro has not been deployed to yet");
      }
      return http;
    }
  }
}
