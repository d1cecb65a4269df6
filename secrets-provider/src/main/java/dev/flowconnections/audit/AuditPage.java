package dev.flowconnections.audit;

import java.util.List;

/** One page of audit events, newest first; {@code hasMore} says whether a next page has any. */
public record AuditPage(List<AuditEvent> items, int page, int size, boolean hasMore) {}
