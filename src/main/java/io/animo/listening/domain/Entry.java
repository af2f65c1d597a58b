package io.animo.listening.domain;

import java.time.Instant;

/** One item a source published (a feed entry, a pushed mention): {@code key} identifies it within the source. */
public record Entry(String key, String title, String url, String author, String body, Instant publishedAt) {
}
