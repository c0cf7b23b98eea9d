package org.civic311.platform.shared.application;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The check before the deployment calls a server a city named (a department's system, a catalogue
 * to import): its host must resolve, and only to public addresses, so that nobody can make the
 * deployment reach its own private network (loopback, site-local, link-local, unique local,
 * multicast, the any address). The host is resolved when the check runs; what it resolves to later
 * is not checked again.
 */
public final class PublicHosts {
  private PublicHosts() {}

  /**
   * @throws IllegalArgumentException ({@code field: ...}) when {@code host} is unknown or resolves
   *     to an address of a private network
   */
  public static void require(String field, String host) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(field + ": the host '" + host + "' is not known");
    }
    for (InetAddress a : addresses) {
      boolean uniqueLocal = a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
      if (a.isLoopbackAddress()
          || a.isAnyLocalAddress()
          || a.isLinkLocalAddress()
          || a.isSiteLocalAddress()
          || a.isMulticastAddress()
          || uniqueLocal) {
        throw new IllegalArgumentException(
            field
                + ": '"
                + host
                + "' is in a private network, which this deployment does not call");
      }
    }
  }
}
