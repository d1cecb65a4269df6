package dev.flowconnections.secret;

import java.time.Instant;

/** An organization secret as the API shows it: the key and when it changed, never the value. */
public record OrgSecret(String key, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {}
