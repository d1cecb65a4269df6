package dev.flowconnections.runtime.network;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 169.254.0.0/16}, {@code fe80::/10}, or one
 * address).
 */
record Cidr(byte[] network, int prefixLength, String text) {

  /**
   * @throws IllegalArgumentException naming the text when it is not a literal address with a valid
   *     prefix
   */
  static Cidr parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    if (!address.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR network");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR network");
    }
    int prefix;
    try {
      prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
    }
    if (prefix < 0 || prefix > bytes.length * 8) {
      throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
    }
    return new Cidr(bytes, prefix, trimmed);
  }

  boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xFF << (8 - rest) & 0xFF;
    return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
  }

  @Override
  public String toString() {
    return text;
  }
}
