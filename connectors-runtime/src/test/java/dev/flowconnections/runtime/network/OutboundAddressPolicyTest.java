package dev.flowconnections.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rules, on literal addresses (no lookup, no traffic). */
@Tag("fast")
class OutboundAddressPolicyTest {

  private final OutboundAddressPolicy defaults = new OutboundAddressPolicy(List.of(), List.of());

  @Test
  void linkLocalMetadataMulticastAndThisNetworkAreRefusedByDefault() throws Exception {
    for (String address :
        List.of(
            "169.254.169.254",
            "169.254.0.1",
            "fe80::1",
            "fd00:ec2::254",
            "100.100.100.200",
            "168.63.129.16",
            "0.0.0.0",
            "0.1.2.3",
            "224.0.0.1",
            "239.255.255.250",
            "255.255.255.255",
            "ff02::1",
            "::",
            "::ffff:169.254.169.254")) {
      assertThat(defaults.allows(InetAddress.getByName(address))).as(address).isFalse();
    }
  }

  @Test
  void loopbackPrivateAndPublicAddressesStayAllowedByDefault() throws Exception {
    for (String address :
        List.of(
            "127.0.0.1",
            "127.0.0.2",
            "::1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "100.64.0.1",
            "fd12::1",
            "8.8.8.8",
            "2001:db8::1")) {
      assertThat(defaults.allows(InetAddress.getByName(address))).as(address).isTrue();
    }
  }

  @Test
  void allowWinsOverTheDefaultsAndAnExplicitDenyWinsOverAll() throws Exception {
    var policy =
        new OutboundAddressPolicy(
            List.of("169.254.10.0/24", "10.0.0.0/8"), List.of("10.9.0.0/16", "127.0.0.2"));
    assertThat(policy.allows(InetAddress.getByName("169.254.10.7"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("169.254.169.254"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("10.1.0.1"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("10.9.3.4"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("127.0.0.2"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
  }

  @Test
  void aHostIsCheckedByEveryAddressItResolvesToBeforeAnythingIsSent() {
    long before = OutboundAddressPolicy.refusals();
    assertThatThrownBy(() -> defaults.check("169.254.169.254"))
        .isInstanceOf(AddressNotAllowedException.class)
        .hasMessage("169.254.169.254: address not allowed by the runtime's network policy");
    assertThatThrownBy(() -> defaults.check("[fe80::1]"))
        .isInstanceOf(AddressNotAllowedException.class);
    assertThat(OutboundAddressPolicy.refusals()).isEqualTo(before + 2);
    defaults.check("localhost");
    defaults.check(java.net.URI.create("http://127.0.0.1:1/x"));
  }

  @Test
  void aBadEntryIsRefusedNamingIt() {
    assertThatThrownBy(() -> new OutboundAddressPolicy(List.of(), List.of("10.0.0.0/33")))
        .hasMessageContaining("'10.0.0.0/33'");
    assertThatThrownBy(() -> new OutboundAddressPolicy(List.of("intranet.example"), List.of()))
        .hasMessageContaining("'intranet.example' is not an IP address");
  }
}
