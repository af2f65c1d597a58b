package io.animo.member.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** Members' tags, in plain SQL. */
@ApplicationScoped
public class MemberTagRepository {

    Uni<Boolean> exists(Tx tx, UUID memberId) {
        return tx.sql().preparedQuery("select 1 from member where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tx.tenantId(), memberId)).map(rows -> rows.rowCount() == 1);
    }

    /** The member's tags become exactly {@code tags}. */
    Uni<Void> replace(Tx tx, UUID memberId, List<String> tags) {
        return tx.sql().preparedQuery("delete from member_tag where tenant_id = $1 and member_id = $2")
                .execute(Tuple.of(tx.tenantId(), memberId))
                .chain(() -> tx.sql().preparedQuery("insert into member_tag (tenant_id, member_id, tag)"
                        + " select $1, $2, unnest($3::text[])")
                        .execute(Tuple.of(tx.tenantId(), memberId, tags.toArray(String[]::new))))
                .replaceWithVoid();
    }

    Uni<List<String>> of(Tx tx, UUID memberId) {
        return tx.sql().preparedQuery("select tag from member_tag where tenant_id = $1 and member_id = $2 order by tag")
                .execute(Tuple.of(tx.tenantId(), memberId))
                .map(rows -> {
                    List<String> tags = new ArrayList<>();
                    rows.forEach(row -> tags.add(row.getString(0)));
                    return tags;
                });
    }
}
