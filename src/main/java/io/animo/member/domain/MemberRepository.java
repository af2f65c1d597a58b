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

    private static final String COLUMNS = "id, tenant_id, subject, external_handle, display_name, created_at, updated_at,"
            + " version";
    private static final String SELECT = "select " + COLUMNS + " from member";
    /** How many columns {@link #columns} names. */
    static final int COLUMN_COUNT = Rows.count(COLUMNS);

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

    /** The columns {@link #fromRow(Row, int)} reads, of the table aliased {@code alias}: for a statement that joins more. */
    static String columns(String alias) {
        return Rows.qualified(alias, COLUMNS);
    }

    private static MemberEntity fromRow(Row row) {
        return fromRow(row, 0);
    }

    /** The member of {@link #columns} starting at column {@code first}; null when a left join found none. */
    static MemberEntity fromRow(Row row, int first) {
        if (row.getUUID(first) == null) {
            return null;
        }
        MemberEntity member = new MemberEntity();
        member.id = row.getUUID(first);
        member.tenantId = row.getUUID(first + 1);
        member.subject = row.getString(first + 2);
        member.externalHandle = row.getString(first + 3);
        member.displayName = row.getString(first + 4);
        member.createdAt = Rows.instant(row, first + 5);
        member.updatedAt = Rows.instant(row, first + 6);
        member.version = row.getLong(first + 7);
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
