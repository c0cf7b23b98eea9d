package org.civic311.integrations.connector.sftp;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The SFTP file-drop connector: one route template, instantiated per city and department. A route
 * takes one event's file (its name and content made by {@link SftpFiles}) and writes it into the
 * department's directory with Camel's {@code sftp} component ({@link PinnedSftpComponent}: the host
 * key pinned by its fingerprint, the credentials from the exchange). The file is written under a
 * temporary name ({@code .<name>.part}) and renamed when complete, so the department never reads
 * half a file; a repeat has the same name and replaces it. The connection is closed after each
 * file. Like every route, it does not retry: the outbox does.
 */
public class SftpRoutes extends RouteBuilder {
  public static final String TEMPLATE = "sftp";

  private final String routeConfiguration;
  private final long connectTimeoutMillis;

  public SftpRoutes(String routeConfiguration, long connectTimeoutMillis) {
    this.routeConfiguration = routeConfiguration;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  @Override
  public void configure() {
    routeTemplate(TEMPLATE)
        .templateParameter("endpoint", null, "the direct endpoint the outbox consumer sends to")
        .templateParameter("host", null, "the SFTP server")
        .templateParameter("port", null, "its port")
        .templateParameter("directory", null, "the directory files are dropped in")
        .templateParameter("username", null, "the SFTP user")
        .templateParameter("fingerprint", null, "the server's host key fingerprint")
        .templateParameter("city", null, "the city's id (for the route's description)")
        .templateParameter("department", null, "the department's code")
        .templateParameter("version", null, "the configuration row's version")
        .from("direct:{{endpoint}}")
        .routeConfigurationId(routeConfiguration)
        .routeDescription("SFTP drop of {{department}} in city {{city}}, configuration {{version}}")
        .process(exchange -> exchange.getMessage().removeHeaders("Camel*", Exchange.FILE_NAME))
        .to(
            "sftp://{{host}}:{{port}}/{{directory}}?username=RAW({{username}})"
                + "&hostKeyFingerprint=RAW({{fingerprint}})"
                + "&tempFileName=.${file:name}.part&fileExist=Override&disconnect=true"
                + "&binary=true&useUserKnownHostsFile=false&autoCreate=true"
                + "&connectTimeout="
                + connectTimeoutMillis
                + "&jschLoggingLevel=OFF");
  }
}
