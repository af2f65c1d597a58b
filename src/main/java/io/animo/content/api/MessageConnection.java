package io.animo.content.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.content.domain.MessageEntity;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageInfo;

@Type("MessageConnection")
public record MessageConnection(@NonNull List<@NonNull MessageEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("MessageEdge")
    public record MessageEdge(@NonNull String cursor, @NonNull Message node) {
    }

    static MessageConnection of(Page<MessageEntity> page) {
        return new MessageConnection(page.edges((cursor, m) -> new MessageEdge(cursor, Message.of(m))), page.pageInfo());
    }
}
