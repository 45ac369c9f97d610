package org.confide.platform.paging;

import java.util.List;

/** A page of a list (docs/api.md conventions): {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {}
