package dev.flowconnections.access;

/**
 * What a user may do. ADMIN manages integrations and secrets; SUPER_ADMIN also owns System ones.
 */
public enum Role {
  USER,
  ADMIN,
  SUPER_ADMIN
}
