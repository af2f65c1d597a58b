package io.animo.moderation.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Members' reports of messages (one per member and message); they raise the message's queue item. */
@ApplicationScoped
public class ContentReportRepository implements PanacheRepositoryBase<ContentReportEntity, UUID> {
}
