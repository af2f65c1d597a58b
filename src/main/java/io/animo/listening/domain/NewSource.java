package io.animo.listening.domain;

import java.util.List;
import java.util.UUID;

public record NewSource(SourceKind kind, String name, String url, String handle, UUID communityId, String language,
        List<String> tags, Long reach, Integer pollIntervalMinutes) {
}
