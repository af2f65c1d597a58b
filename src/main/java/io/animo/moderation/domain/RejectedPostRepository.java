package io.animo.moderation.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The posts the rules rejected (only that they were, for the moderation report). */
@ApplicationScoped
public class RejectedPostRepository implements PanacheRepositoryBase<RejectedPostEntity, UUID> {
}
