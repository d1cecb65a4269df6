package dev.flowconnections.runtime.email;

import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorInputException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the addresses of a task strictly (RFC 822 syntax, a domain part, no control characters) so
 * that a typo becomes an incident naming the field, not a bounce nobody reads. Messages quote the
 * entry through the connection's masker, in case a process built it from a secret.
 */
final class Addresses {

  private Addresses() {}

  /**
   * Each entry may hold several comma-separated addresses; quoted display names may contain commas.
   */
  static List<InternetAddress> parseList(String field, List<String> entries, SecretMasker masker) {
    List<InternetAddress> addresses = new ArrayList<>();
    for (String entry : entries) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        rejectControlCharacters(entry);
        for (InternetAddress address : InternetAddress.parse(entry, true)) {
          address.validate();
          addresses.add(address);
        }
      } catch (AddressException e) {
        throw invalid(field, entry, e, masker);
      }
    }
    return addresses;
  }

  static InternetAddress parseSingle(String field, String value, SecretMasker masker) {
    List<InternetAddress> addresses = parseList(field, List.of(value), masker);
    if (addresses.size() != 1) {
      throw new ConnectorInputException(field + " must be exactly one email address");
    }
    return addresses.getFirst();
  }

  private static void rejectControlCharacters(String entry) throws AddressException {
    if (entry.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new AddressException("contains a control character");
    }
  }

  private static ConnectorInputException invalid(
      String field, String entry, AddressException e, SecretMasker masker) {
    // AddressException#getMessage is the reason only; toString() would repeat the whole entry
    // unmasked.
    String reason = e.getMessage() == null ? "invalid syntax" : e.getMessage();
    return new ConnectorInputException(
        masker.mask(
            field + " contains an invalid email address '" + entry.strip() + "': " + reason));
  }
}
