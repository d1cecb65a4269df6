package dev.flowconnections.credential;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a migration between stores did, in counts and locations only (never values).
 *
 * @param environments connection environments the metadata lists
 * @param copied written to the target because it differed or was missing there
 * @param unchanged the target already held exactly the source's secrets
 * @param verified read back from the target and equal to the source
 * @param missingInSource listed in the metadata but absent from the source store (not copied)
 * @param problems one line per environment that failed or did not verify, {@code org/key/ENV: why}
 */
public record CredentialMigrationReport(
    CredentialStoreType from,
    CredentialStoreType to,
    List<String> organizations,
    int environments,
    int copied,
    int unchanged,
    int verified,
    int missingInSource,
    List<String> problems) {

  /** Every listed environment is now in the target with the source's values. */
  @JsonProperty("complete")
  public boolean complete() {
    return problems.isEmpty();
  }
}
