package dev.flowconnections.integration;

import java.util.EnumSet;
import java.util.Set;

/**
 * DRAFT integrations are being prepared and get no connections; ACTIVE ones are in use; DEPRECATED
 * ones keep serving their existing connections but accept no new ones.
 */
public enum LifecycleStatus {
  DRAFT,
  ACTIVE,
  DEPRECATED;

  /** A published integration never goes back to DRAFT: its connections would be orphaned. */
  public Set<LifecycleStatus> allowedNext() {
    return switch (this) {
      case DRAFT -> EnumSet.of(DRAFT, ACTIVE);
      case ACTIVE, DEPRECATED -> EnumSet.of(ACTIVE, DEPRECATED);
    };
  }

  public boolean acceptsNewConnections() {
    return this == ACTIVE;
  }
}
