package io.animo.member.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<MemberEntity, UUID> {

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
