package io.animo.moderation.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.content.domain.ContentRepository;
import io.animo.content.domain.ContentStatus;
import io.animo.content.domain.MessageEntity;
import io.animo.member.domain.CommunityReaders;
import io.animo.member.domain.MemberRepository;
import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.TimeKeyset;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.OptimisticLocks;
import io.animo.platform.persistence.UnitOfWork;
import io.animo.platform.security.Caller;
import io.animo.platform.security.Roles;
import io.animo.sanction.domain.SanctionOrder;
import io.animo.sanction.domain.SanctionService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Member reports, the moderators' queue, claims and decisions (each decision audited). */
@ApplicationScoped
public class ModerationService {

    private final UnitOfWork unitOfWork;
    private final ContentRepository content;
    private final MemberRepository members;
    private final AuditLog audit;
    private final QueueEvents events;
    private final CommunityReaders readers;
    private final ModerationItems items;
    private final SanctionService sanctions;

    public ModerationService(UnitOfWork unitOfWork, ContentRepository content, MemberRepository members, AuditLog audit,
            QueueEvents events, SanctionService sanctions, CommunityReaders readers, ModerationItems items) {
        this.items = items;
        this.readers = readers;
        this.sanctions = sanctions;
        this.events = events;
        this.unitOfWork = unitOfWork;
        this.content = content;
        this.members = members;
        this.audit = audit;
    }

    /** One report per member and message; each further report of a message raises its item's priority. */
    public Uni<ItemResult> report(Caller caller, UUID messageId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return Uni.createFrom().item(ItemResult.refused("input.reason", reason == null || reason.isBlank()
                    ? "REQUIRED"
                    : "TOO_LONG", "Say in up to 500 characters what is wrong."));
        }
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> members.findBySubject(tenant, caller.subject()).chain(me -> me == null
                ? Uni.createFrom().item(notVisible())
                : content.message(tenant, messageId).chain(message -> reportable(caller, message, me.id)
                        .chain(reportable -> reportable
                                ? file(tenant, me.id, message, reason.strip())
                                : Uni.createFrom().item(notVisible())))))
                .onFailure(failure -> Constraints.isUniqueViolation(failure, null))
                .recoverWithItem(
                        () -> ItemResult.refused("input.messageId", "ALREADY_REPORTED", "You already reported this message."));
    }

    /** A published message the reporter can read (a private community's only by its members and the staff). */
    private Uni<Boolean> reportable(Caller caller, MessageEntity message, UUID me) {
        return message == null || message.status != ContentStatus.PUBLISHED
                ? Uni.createFrom().item(false)
                : readers.mayRead(caller, message.communityId, me);
    }

    private Uni<ItemResult> file(UUID tenant, UUID reporter, MessageEntity message, String reason) {
        Instant now = now();
        ContentReportEntity report = new ContentReportEntity();
        report.id = UUID.randomUUID();
        report.tenantId = tenant;
        report.messageId = message.id;
        report.reporterMemberId = reporter;
        report.reason = reason;
        report.createdAt = now;
        return Panache.getSession().chain(session -> session.persist(report).chain(session::flush))
                .chain(() -> items.ofMessage(tenant, message.id))
                .chain(item -> item == null ? newReportItem(message, now) : raise(item, now))
                .map(item -> ItemResult.ok(item, message));
    }

    private Uni<ModerationItemEntity> newReportItem(MessageEntity message, Instant now) {
        ModerationItemEntity item = new ModerationItemEntity();
        item.id = UUID.randomUUID();
        item.tenantId = message.tenantId;
        item.communityId = message.communityId;
        item.messageId = message.id;
        item.reason = ItemReason.REPORT;
        item.status = ItemStatus.OPEN;
        item.priority = 1;
        item.reportCount = 1;
        item.createdAt = now;
        item.updatedAt = now;
        return Panache.getSession().chain(session -> session.persist(item)).chain(() -> events.publish("QUEUED", item))
                .replaceWith(item);
    }

    /** A further report raises the item; a report of a message moderators approved puts it back in the queue. */
    private Uni<ModerationItemEntity> raise(ModerationItemEntity item, Instant now) {
        item.reportCount++;
        item.priority++;
        item.updatedAt = now;
        if (item.status == ItemStatus.APPROVED) {
            item.reopen();
            item.reason = ItemReason.REPORT;
        }
        return Panache.getSession().chain(session -> session.flush()).chain(() -> events.publish("REPORTED", item))
                .replaceWith(item);
    }

    public Uni<Page<ModerationItemEntity>> queue(Caller caller, UUID communityId, QueueQuery query) {
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> Panache.getSession().chain(session -> {
            List<String> where = new ArrayList<>(List.of("tenantId = :tenant", "communityId = :community", "status = :status"));
            if (query.reason() != null) {
                where.add("reason = :reason");
            }
            PageRequest page = query.page();
            boolean byPriority = query.order() == QueueOrder.PRIORITY;
            TimeKeyset keyset = TimeKeyset.oldestFirst(page, "createdAt", "id");
            Cursor cursor = keyset.cursor();
            boolean forward = keyset.ascending();
            if (cursor != null) {
                where.add(byPriority
                        ? "(priority " + (forward ? "<" : ">") + " :priority or (priority = :priority and "
                                + keyset.condition() + "))"
                        : keyset.condition());
            }
            String order = (byPriority ? "priority " + (forward ? "desc" : "asc") + ", " : "") + keyset.orderBy();
            var select = session.createSelectionQuery("from ModerationItemEntity where " + String.join(" and ", where)
                    + " order by " + order, ModerationItemEntity.class)
                    .setParameter("tenant", tenant).setParameter("community", communityId)
                    .setParameter("status", query.status())
                    .setMaxResults(page.fetchSize());
            if (query.reason() != null) {
                select.setParameter("reason", query.reason());
            }
            if (cursor != null) {
                String[] parts = cursor.sortValue().split("\\|", 2);
                select.setParameter("at", Instant.parse(parts[1])).setParameter("cursorId", cursor.id());
                if (byPriority) {
                    select.setParameter("priority", Integer.parseInt(parts[0]));
                }
            }
            return select.getResultList().map(rows -> Page.of(rows, page, ModerationService::cursorOf, -1));
        }));
    }

    public static Cursor cursorOf(ModerationItemEntity item) {
        return new Cursor(item.priority + "|" + item.createdAt, item.id);
    }

    public Uni<ItemResult> claim(Caller caller, UUID itemId) {
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> items.byId(tenant, itemId).chain(item -> {
            if (item == null) {
                return Uni.createFrom()
                        .item(ItemResult.refused("input.itemId", "NOT_FOUND", "No queue item of this tenant has this id."));
            }
            if (item.status == ItemStatus.CLAIMED && !caller.subject().equals(item.claimedBySubject)) {
                return Uni.createFrom().item(ItemResult.refused("input.itemId", "ALREADY_CLAIMED",
                        "This item is already claimed by " + item.claimedByName + "."));
            }
            if (item.status != ItemStatus.OPEN && item.status != ItemStatus.CLAIMED) {
                return Uni.createFrom()
                        .item(ItemResult.refused("input.itemId", "ALREADY_DECIDED", "This item was already decided."));
            }
            item.status = ItemStatus.CLAIMED;
            item.claimedBySubject = caller.subject();
            item.claimedByName = caller.displayName();
            item.updatedAt = now();
            return Panache.getSession().chain(session -> session.flush())
                    .chain(() -> events.publish("CLAIMED", item))
                    .chain(() -> content.message(tenant, item.messageId)).map(message -> ItemResult.ok(item, message));
        })).onFailure(OptimisticLocks::isStale).recoverWithItem(ModerationService::changedMeanwhile);
    }

    /** Approve (publish), remove, or escalate to the tenant admins, who alone decide escalated items. */
    public Uni<ItemResult> decide(Caller caller, UUID itemId, Decision decision, String note, SanctionOrder sanction) {
        if (note != null && note.length() > 1000) {
            return Uni.createFrom().item(ItemResult.refused("input.note", "TOO_LONG", "At most 1000 characters."));
        }
        if (sanction != null && decision == Decision.ESCALATE) {
            return Uni.createFrom().item(ItemResult.refused("input.sanction", "NOT_ALLOWED",
                    "Escalated items are sanctioned by whoever decides them."));
        }
        List<UserError> sanctionErrors = sanction == null ? List.of() : SanctionService.validate("input.sanction", sanction);
        if (!sanctionErrors.isEmpty()) {
            return Uni.createFrom().item(new ItemResult(null, null, sanctionErrors));
        }
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> items.byId(tenant, itemId).chain(item -> {
            if (item == null) {
                return Uni.createFrom()
                        .item(ItemResult.refused("input.itemId", "NOT_FOUND", "No queue item of this tenant has this id."));
            }
            boolean escalated = item.status == ItemStatus.ESCALATED;
            if (!escalated && item.status != ItemStatus.OPEN && item.status != ItemStatus.CLAIMED) {
                return Uni.createFrom()
                        .item(ItemResult.refused("input.itemId", "ALREADY_DECIDED", "This item was already decided."));
            }
            if (escalated && !caller.hasAnyRole(Roles.TENANT_ADMIN)) {
                return Uni.createFrom()
                        .item(ItemResult.refused("input.itemId", "ESCALATED", "Escalated items are decided by tenant admins."));
            }
            if (item.status == ItemStatus.CLAIMED && !caller.subject().equals(item.claimedBySubject)
                    && !caller.hasAnyRole(Roles.TENANT_ADMIN)) {
                return Uni.createFrom().item(ItemResult.refused("input.itemId", "ALREADY_CLAIMED",
                        item.claimedByName + " claimed this item: they decide it (or a tenant admin)."));
            }
            return content.message(tenant, item.messageId).chain(message -> sanction == null
                    ? apply(caller, item, message, decision, note)
                    : decideAndSanction(caller, item, message, decision, note, sanction));
        })).onFailure(OptimisticLocks::isStale).recoverWithItem(ModerationService::changedMeanwhile);
    }

    /** Two moderators deciding one item (or sanctioning one member) at once: the second one reloads. */
    private static ItemResult changedMeanwhile() {
        return ItemResult.refused("input.itemId", "STALE_VERSION",
                "Someone decided or changed this item at the same time: reload the queue.");
    }

    /** The author is checked before anything is decided, so a refused sanction leaves the item as it was. */
    private Uni<ItemResult> decideAndSanction(Caller caller, ModerationItemEntity item, MessageEntity message,
            Decision decision, String note, SanctionOrder sanction) {
        return sanctions.target(caller, message.communityId, message.authorMemberId, "input.itemId", "input.sanction")
                .chain(target -> !target.allowed()
                        ? Uni.createFrom().item(new ItemResult(null, null, target.userErrors()))
                        : apply(caller, item, message, decision, note).call(
                                result -> sanctions.issueWithin(caller, target.membership(), sanction, item.id)));
    }

    private Uni<ItemResult> apply(Caller caller, ModerationItemEntity item, MessageEntity message, Decision decision,
            String note) {
        Instant now = now();
        item.decidedBySubject = caller.subject();
        item.decidedByName = caller.displayName();
        item.decidedAt = now;
        item.decisionNote = note == null || note.isBlank() ? null : note.strip();
        item.updatedAt = now;
        Uni<Void> effect = Uni.createFrom().voidItem();
        switch (decision) {
            case APPROVE -> {
                item.status = ItemStatus.APPROVED;
                effect = publish(message);
            }
            case REMOVE -> {
                item.status = ItemStatus.REMOVED;
                message.status = ContentStatus.REMOVED;
                message.updatedAt = now;
            }
            case ESCALATE -> item.status = ItemStatus.ESCALATED;
        }
        return effect.chain(() -> Panache.getSession().chain(session -> session.flush()))
                .chain(() -> audit.record(caller, "MODERATION_" + item.status, "Message", message.id,
                        "Queue item " + item.reason + (item.decisionNote == null ? "" : ": " + item.decisionNote)))
                .chain(() -> events.publish("DECIDED", item))
                .map(ignored -> ItemResult.ok(item, message));
    }

    /** Approving a held message publishes it, and its thread when it opened the thread. */
    private Uni<Void> publish(MessageEntity message) {
        message.flagged = false;
        if (message.status != ContentStatus.HELD) {
            return Uni.createFrom().voidItem();
        }
        message.status = ContentStatus.PUBLISHED;
        message.updatedAt = now();
        return content.thread(message.tenantId, message.threadId).invoke(thread -> {
            if (thread != null && thread.status == ContentStatus.HELD && message.parentId == null
                    && message.createdAt.equals(thread.createdAt)) {
                thread.status = ContentStatus.PUBLISHED;
                thread.updatedAt = now();
            }
        }).replaceWithVoid();
    }

    private static ItemResult notVisible() {
        return ItemResult.refused("input.messageId", "NOT_FOUND", "No message you can see has this id.");
    }
}
