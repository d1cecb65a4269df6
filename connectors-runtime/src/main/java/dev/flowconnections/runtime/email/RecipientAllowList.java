package dev.flowconnections.runtime.email;

import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorInputException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The recipients a modeller allows, e.g. for a Send Email node that an AI agent uses as a tool: the
 * model fills {@code to}, the modeller's list bounds it. Every To, Cc and Bcc recipient must match
 * an entry, else nothing is sent.
 *
 * <p>Entries: an exact address ({@code ann@example.com}), a domain ({@code example.com} or {@code
 * @example.com}: that domain only, not its subdomains), or {@code *.example.com} (any subdomain of
 * example.com, not example.com itself). Matching is case-insensitive, ignores one trailing dot of a
 * domain and compares internationalized domains in their ASCII (punycode) form, so {@code
 * bücher.example} and {@code xn--bcher-kva.example} are the same domain and a look-alike written
 * with other letters is another. Only the address counts, never the display name.
 *
 * <p>Under an allow-list a recipient's local part must be a plain dot-atom without {@code %} and
 * {@code !}: quoted local parts, source routes and the percent or bang hacks could make the allowed
 * domain's server relay the mail elsewhere.
 */
final class RecipientAllowList {

  static final String FIELD = "allowedRecipients";

  /** RFC 5322 atext without '%' and '!', dots only between atoms. */
  private static final Pattern PLAIN_LOCAL_PART =
      Pattern.compile("[A-Za-z0-9#$&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9#$&'*+/=?^_`{|}~-]+)*");

  private static final Pattern DOMAIN_LABELS =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

  private final Set<String> addresses;
  private final Set<String> domains;
  private final List<String> subdomainsOf;

  private RecipientAllowList(Set<String> addresses, Set<String> domains, List<String> parents) {
    this.addresses = addresses;
    this.domains = domains;
    this.subdomainsOf = parents;
  }

  /**
   * @param entries the task's {@value #FIELD}; null when not set (anyone may receive)
   * @return empty when not set; a given value that names nothing allows nobody
   */
  static Optional<RecipientAllowList> of(List<String> entries) {
    if (entries == null) {
      return Optional.empty();
    }
    Set<String> addresses = new LinkedHashSet<>();
    Set<String> domains = new LinkedHashSet<>();
    List<String> parents = new ArrayList<>();
    for (String entry : entries) {
      for (String item : entry.split(",")) {
        String value = item.strip();
        if (value.isEmpty()) {
          continue;
        }
        if (value.startsWith("*.")) {
          parents.add(domain(value.substring(2), value));
        } else if (value.startsWith("@")) {
          domains.add(domain(value.substring(1), value));
        } else if (value.contains("@")) {
          int at = value.lastIndexOf('@');
          String local = value.substring(0, at);
          if (!PLAIN_LOCAL_PART.matcher(local).matches()) {
            throw invalidEntry(value);
          }
          addresses.add(
              local.toLowerCase(Locale.ROOT) + "@" + domain(value.substring(at + 1), value));
        } else {
          domains.add(domain(value, value));
        }
      }
    }
    if (addresses.isEmpty() && domains.isEmpty() && parents.isEmpty()) {
      throw new ConnectorInputException(
          FIELD
              + " is set but names no address or domain, so nobody may receive the email;"
              + " leave it unset to allow any recipient");
    }
    return Optional.of(new RecipientAllowList(addresses, domains, parents));
  }

  /** Refuses the message, naming every recipient outside the list, before any provider is asked. */
  void check(List<List<InternetAddress>> recipients, SecretMasker masker) {
    Set<String> refused = new LinkedHashSet<>();
    for (List<InternetAddress> field : recipients) {
      for (InternetAddress recipient : field) {
        if (!allows(recipient.getAddress())) {
          refused.add(recipient.getAddress());
        }
      }
    }
    if (!refused.isEmpty()) {
      throw new ConnectorInputException(
          masker.mask(
              "recipients not allowed by "
                  + FIELD
                  + ": "
                  + String.join(", ", refused)
                  + "; nothing was sent"));
    }
  }

  boolean allows(String address) {
    int at = address.lastIndexOf('@');
    if (at <= 0 || !PLAIN_LOCAL_PART.matcher(address.substring(0, at)).matches()) {
      return false;
    }
    String domain;
    try {
      domain = domain(address.substring(at + 1), address);
    } catch (ConnectorInputException e) {
      return false;
    }
    if (domains.contains(domain)
        || addresses.contains(address.substring(0, at).toLowerCase(Locale.ROOT) + "@" + domain)) {
      return true;
    }
    return subdomainsOf.stream().anyMatch(parent -> domain.endsWith("." + parent));
  }

  /**
   * A domain in the one form both sides are compared in: lower case ASCII (punycode), no trailing
   * dot, at least two labels of letters, digits and inner hyphens. Address literals ({@code
   * [127.0.0.1]}) are not domains.
   */
  private static String domain(String value, String entry) {
    // IDN would read these as dots: a domain must say its dots as dots
    if (value.chars().anyMatch(c -> c == '\u3002' || c == '\uff0e' || c == '\uff61')) {
      throw invalidEntry(entry);
    }
    String domain = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    try {
      domain = IDN.toASCII(domain, 0).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw invalidEntry(entry);
    }
    if (!DOMAIN_LABELS.matcher(domain).matches()) {
      throw invalidEntry(entry);
    }
    return domain;
  }

  private static ConnectorInputException invalidEntry(String entry) {
    return new ConnectorInputException(
        FIELD
            + ": '"
            + entry
            + "' is not an address, a domain (example.com, @example.com) or *.example.com");
  }
}
