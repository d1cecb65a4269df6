package dev.flowconnections.credential.vault;

/** How the runtime logs in to Vault. */
public enum VaultAuthenticationMethod {
  /** A fixed token; renewed while renewable, never revoked by us (it belongs to the operator). */
  TOKEN,
  /** role-id + secret-id; a fresh login whenever the token expires or is revoked. */
  APPROLE,
  /**
   * The pod's service-account JWT against Vault's Kubernetes auth method; re-login like AppRole.
   */
  KUBERNETES
}
