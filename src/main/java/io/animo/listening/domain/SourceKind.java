package io.animo.listening.domain;

/**
 * Where a source is: a feed, forum, group or blog with a URL is polled as RSS or Atom (such places publish one);
 * a WEBHOOK source pushes its mentions to its own signed endpoint.
 */
public enum SourceKind {
    FEED, FORUM, GROUP, BLOG, WEBHOOK
}
