package io.animo.community.domain;

/** Fields a caller sets on create or update; null on update means "leave as is". */
public record CommunityDraft(String name, String slug, String description, CommunityVisibility visibility) {
}
