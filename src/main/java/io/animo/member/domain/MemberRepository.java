package io.animo.member.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.TenantOwnedRepository;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class MemberRepository implements TenantOwnedRepository<MemberEntity> {

    private static final String SELECT = "select id, tenant_id, subject, external_handle, display_name, created_at,"
            + " updated_at, version from member";

    /** The member profile of a person (detached: for checks, not changes). */
    public Uni<MemberEntity> readBySubject(Tx tx, String subject) {
        return tx.sql().preparedQuery(SELECT + " where tenant_id = $1 and subject = $2")
                .execute(Tuple.of(tx.tenantId(), subject))
                .map(rows -> Rows.first(rows, MemberRepository::fromRow));
    }

    /** Holds the member's row until the transaction ends: their concurrent actions (two ballots) take turns. */
    public Uni<Void> lock(Tx tx, UUID memberId) {
        return tx.sql().preparedQuery("select 1 from member where tenant_id = $1 and id = $2 for update")
                .execute(Tuple.of(tx.tenantId(), memberId)).replaceWithVoid();
    }

    private static MemberEntity fromRow(Row row) {
        MemberEntity member = new MemberEntity();
        member.id = row.getUUID(0);
        member.tenantId = row.getUUID(1);
        member.subject = row.getString(2);
        member.externalHandle = row.getString(3);
        member.displayName = row.getString(4);
        member.createdAt = Rows.instant(row, 5);
        member.updatedAt = Rows.instant(row, 6);
        member.version = row.getLong(7);
        return member;
    }

    public Uni<MemberEntity> findBySubject(UUID tenantId, String subject) {
        return find("tenantId = ?1 and subject = ?2", tenantId, subject).firstResult();
    }

    public Uni<MemberEntity> findByExternalHandle(UUID tenantId, String externalHandle) {
        return find("tenantId = ?1 and externalHandle = ?2", tenantId, externalHandle).firstResult();
    }

    public Uni<List<MemberEntity>> findByIds(UUID tenantId, List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("tenantId = ?1 and id in ?2", tenantId, ids);
    }
}
