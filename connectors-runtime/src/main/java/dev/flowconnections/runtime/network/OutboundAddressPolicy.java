package dev.flowconnections.runtime.network;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which addresses the runtime may connect to on behalf of a connection (REST, MCP over HTTP, SSE
 * and WebSocket, OAuth2 token endpoints, the email, SMS, AI and storage providers, SMTP and SQL
 * hosts). Admins define URLs, so without this a URL could point at the cloud's metadata service or
 * at internal hosts, and a USER's "test connection" would tell what answered there.
 *
 * <p>The host is resolved and EVERY address it resolves to is checked before any connection is
 * attempted. Rules, in this order: an address in {@code flow-connections.network.deny} is refused
 * (explicit deny wins over all); one in {@code flow-connections.network.allow} is allowed (allow
 * wins over the default deny); one in {@link #DEFAULT_DENY} (link-local and so the metadata
 * services at 169.254.169.254, other metadata addresses, "this network", multicast, broadcast) is
 * refused; anything else is allowed. Loopback and private ranges stay allowed by default (tests and
 * many self-hosted systems use them); operators add them to {@code deny} where appropriate.
 *
 * <p>Process-wide: HTTP clients are still built in several places (style note "one HTTP client
 * factory"), so each checks through {@link #current()}, installed once at startup by {@code
 * NetworkPolicyConfiguration}; until then the defaults apply.
 */
public final class OutboundAddressPolicy {

  public static final String REFUSAL = "address not allowed by the runtime's network policy";

  static final List<String> DEFAULT_DENY =
      List.of(
          "0.0.0.0/8", // "this network"; 0.0.0.0 reaches the local host on some systems
          "169.254.0.0/16", // IPv4 link-local: AWS/GCP/Azure/OCI metadata at 169.254.169.254
          "100.100.100.200/32", // Alibaba Cloud metadata
          "168.63.129.16/32", // Azure wire server
          "224.0.0.0/4", // multicast
          "255.255.255.255/32", // broadcast
          "::/128", // unspecified
          "fe80::/10", // IPv6 link-local
          "fd00:ec2::254/128", // AWS metadata over IPv6
          "ff00::/8"); // IPv6 multicast

  private static final List<Cidr> DEFAULTS = DEFAULT_DENY.stream().map(Cidr::parse).toList();
  private static volatile OutboundAddressPolicy current =
      new OutboundAddressPolicy(List.of(), List.of());
  private static final AtomicLong REFUSALS = new AtomicLong();

  private final List<Cidr> allow;
  private final List<Cidr> deny;

  /**
   * @throws IllegalArgumentException naming the entry that is not a CIDR network
   */
  public OutboundAddressPolicy(Collection<String> allow, Collection<String> deny) {
    this.allow = parse(allow);
    this.deny = parse(deny);
  }

  public static OutboundAddressPolicy current() {
    return current;
  }

  static void install(OutboundAddressPolicy policy) {
    current = Objects.requireNonNull(policy);
  }

  /**
   * How many checks refused so far in this JVM: tests prove a refusal came from the policy, before
   * any socket.
   */
  public static long refusals() {
    return REFUSALS.get();
  }

  public boolean allows(InetAddress address) {
    if (deny.stream().anyMatch(c -> c.contains(address))) {
      return false;
    }
    if (allow.stream().anyMatch(c -> c.contains(address))) {
      return true;
    }
    return DEFAULTS.stream().noneMatch(c -> c.contains(address));
  }

  /**
   * Resolves {@code host} and refuses it unless every address is allowed. A host that does not
   * resolve is left to the caller's client, which reports it as unreachable as before.
   *
   * @throws AddressNotAllowedException before anything was sent
   */
  public void check(String host) {
    if (host == null || host.isBlank()) {
      return;
    }
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      return;
    }
    for (InetAddress address : addresses) {
      if (!allows(address)) {
        REFUSALS.incrementAndGet();
        throw new AddressNotAllowedException(bare);
      }
    }
  }

  public void check(URI uri) {
    if (uri != null) {
      check(uri.getHost());
    }
  }

  private static List<Cidr> parse(Collection<String> entries) {
    return entries == null
        ? List.of()
        : entries.stream()
            .filter(Objects::nonNull)
            .filter(s -> !s.isBlank())
            .map(Cidr::parse)
            .toList();
  }
}
