package io.animo.moderation.domain;

import io.animo.platform.graphql.PageRequest;

public record QueueQuery(ItemStatus status, ItemReason reason, QueueOrder order, PageRequest page) {
}
