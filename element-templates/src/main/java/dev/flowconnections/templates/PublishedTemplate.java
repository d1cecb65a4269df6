package dev.flowconnections.templates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One stored version of an element template. */
public record PublishedTemplate(
    String templateId,
    int version,
    ObjectNode content,
    String contentHash,
    Instant publishedAt,
    String publishedBy) {}
