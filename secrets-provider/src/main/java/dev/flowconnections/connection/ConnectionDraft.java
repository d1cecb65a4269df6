package dev.flowconnections.connection;

import java.util.UUID;

/**
 * Step 1 of the wizard: which integration, the name, the visibility. {@code key} is optional on
 * create (derived from the name) and cannot change; {@code version} is required on update.
 */
public record ConnectionDraft(UUID integrationId, String name, String key, Visibility visibility, Long version) {}
