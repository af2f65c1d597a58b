package io.animo.rule.domain;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The kind-specific fields of a rule, to and from the JSON kept in {@code moderation_rule.matcher}. */
final class RuleMatcherJson {

    private RuleMatcherJson() {
    }

    static String write(RuleDefinition rule) {
        JsonObject json = new JsonObject()
                .put("keywords", rule.keywords() == null ? null : new JsonArray(List.copyOf(rule.keywords())))
                .put("pattern", rule.pattern())
                .put("denyDomains", rule.denyDomains() == null ? null : new JsonArray(List.copyOf(rule.denyDomains())))
                .put("allowDomains", rule.allowDomains() == null ? null : new JsonArray(List.copyOf(rule.allowDomains())))
                .put("maxLinks", rule.maxLinks())
                .put("maxMentions", rule.maxMentions())
                .put("capsRatio", rule.capsRatio())
                .put("minLength", rule.minLength())
                .put("maxMessages", rule.maxMessages())
                .put("windowSeconds", rule.windowSeconds())
                .put("minAccountAgeHours", rule.minAccountAgeHours());
        return json.encode();
    }

    static RuleDefinition read(RuleEntity entity) {
        JsonObject json = new JsonObject(entity.matcher);
        return new RuleDefinition(entity.id.toString(), entity.name, entity.kind, strings(json, "keywords"),
                json.getString("pattern"), strings(json, "denyDomains"), strings(json, "allowDomains"),
                json.getInteger("maxLinks"), json.getInteger("maxMentions"), json.getDouble("capsRatio"),
                json.getInteger("minLength"), json.getInteger("maxMessages"), json.getInteger("windowSeconds"),
                json.getInteger("minAccountAgeHours"), entity.action, entity.severity, entity.muteMinutes, entity.enabled);
    }

    private static List<String> strings(JsonObject json, String key) {
        JsonArray array = json.getJsonArray(key);
        return array == null ? null : array.stream().map(String::valueOf).toList();
    }
}
