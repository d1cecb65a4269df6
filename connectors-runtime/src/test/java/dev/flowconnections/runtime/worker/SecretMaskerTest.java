package dev.flowconnections.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How a credential is hidden in whatever leaves a worker: as sent, as echoed in a URL, inside JSON.
 */
@Tag("fast")
class SecretMaskerTest {

  @Test
  void aValueIsMaskedAsItIsAndUrlEncoded() {
    SecretMasker masker = SecretMasker.of(List.of("s3cr3t+key/with space"));

    assertThat(masker.mask("token=s3cr3t+key/with space")).isEqualTo("token=****");
    assertThat(masker.mask("GET /x?key=s3cr3t%2Bkey%2Fwith+space")).isEqualTo("GET /x?key=****");
    assertThat(masker.mask("GET /x?key=s3cr3t%2Bkey%2Fwith%20space")).isEqualTo("GET /x?key=****");
  }

  @Test
  void aSecretThatContainsAnotherIsMaskedWhole() {
    SecretMasker masker = SecretMasker.of(List.of("abcd", "abcdefgh"));

    assertThat(masker.mask("abcdefgh and abcd")).isEqualTo("**** and ****");
  }

  @Test
  void valuesTooShortToMaskSafelyAndNullsAreLeftAlone() {
    SecretMasker masker = SecretMasker.of(Arrays.asList("abc", null, "1"));

    assertThat(masker.mask("abc 1 abc")).isEqualTo("abc 1 abc");
    assertThat(masker.mask(null)).isNull();
  }

  @Test
  void jsonIsMaskedInKeysValuesAndListsAndKeepsItsOtherTypes() {
    SecretMasker masker = SecretMasker.of(List.of("tok-9f3a"));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("echo", "Bearer tok-9f3a");
    json.put("tok-9f3a", 1);
    json.put("items", List.of("tok-9f3a", 42, true));

    assertThat(masker.maskJson(json))
        .isEqualTo(Map.of("echo", "Bearer ****", "****", 1, "items", List.of("****", 42, true)));
  }
}
