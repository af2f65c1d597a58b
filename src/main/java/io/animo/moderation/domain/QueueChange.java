package io.animo.moderation.domain;

import java.util.UUID;

import io.vertx.core.json.JsonObject;

/** A change of a queue item, as every replica hears it after commit. */
public record QueueChange(UUID tenantId, UUID communityId, UUID itemId, String type, ItemStatus status, int priority,
        int reportCount) {

    static QueueChange of(String type, ModerationItemEntity item) {
        return new QueueChange(item.tenantId, item.communityId, item.id, type, item.status, item.priority, item.reportCount);
    }

    String toJson() {
        return new JsonObject().put("tenantId", tenantId.toString()).put("communityId", communityId.toString())
                .put("itemId", itemId.toString()).put("type", type).put("status", status.name()).put("priority", priority)
                .put("reportCount", reportCount).encode();
    }

    static QueueChange fromJson(String payload) {
        JsonObject json = new JsonObject(payload);
        return new QueueChange(UUID.fromString(json.getString("tenantId")), UUID.fromString(json.getString("communityId")),
                UUID.fromString(json.getString("itemId")), json.getString("type"), ItemStatus.valueOf(json.getString("status")),
                json.getInteger("priority"), json.getInteger("reportCount"));
    }
}
