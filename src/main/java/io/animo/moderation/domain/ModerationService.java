package io.animo.moderation.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.activity.domain.Activities;
import io.animo.activity.domain.ActivityKind;
import io.animo.audit.domain.AuditLog;
import io.animo.content.domain.ContentRepository;
import io.animo.content.domain.ContentService;
import io.animo.content.domain.ContentStatus;
import io.animo.content.domain.MessageEntity;
import io.animo.content.domain.ThreadEntity;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.member.domain.MemberRepository;
import io.animo.member.domain.MemberService;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.OptimisticLocks;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.platform.security.Roles;
import io.animo.sanction.domain.SanctionOrder;
import io.animo.sanction.domain.SanctionService;
import io.animo.webhook.domain.WebhookEventType;
import io.animo.webhook.domain.WebhookOutbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/** Member reports, the moderators' queue, claims and decisions (each decision audited). */
@ApplicationScoped
public class ModerationService {

    private static final String REPORT_ONCE = "content_report_tenant_id_message_id_reporter_member_id_key";
    private static final String ONE_ITEM_PER_MESSAGE = "moderation_item_tenant_id_message_id_key";
    /** Reports of one message filed at the same moment: the ones that lost the race to its queue item try again. */
    private static final int REPORT_ATTEMPTS = 3;

    private final ContentRepository content;
    private final ContentService contents;
    private final MemberRepository members;
    private final MemberService profiles;
    private final AuditLog audit;
    private final QueueEvents events;
    private final ModerationItemRepository items;
    private final ContentReportRepository reports;
    private final SanctionService sanctions;
    private final CommunityGate gate;
    private final WebhookOutbox webhooks;

    public ModerationService(ContentRepository content, ContentService contents,
            MemberRepository members, AuditLog audit, QueueEvents events, SanctionService sanctions,
            ModerationItemRepository items, ContentReportRepository reports, CommunityGate gate, WebhookOutbox webhooks,
            MemberService profiles) {
        this.content = content;
        this.profiles = profiles;
        this.contents = contents;
        this.members = members;
        this.audit = audit;
        this.events = events;
        this.items = items;
        this.reports = reports;
        this.sanctions = sanctions;
        this.gate = gate;
        this.webhooks = webhooks;
    }

    /**
     * One report per member and message; each further report of a message raises its item's priority. The
     * reporter gets back their own report, nothing of the queue item (notes, claims, rules are the moderators').
     */
    public Uni<ReportResult> report(Tx tx, Caller caller, UUID messageId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return Uni.createFrom().item(ReportResult.refused("input.reason", reason == null || reason.isBlank()
                    ? "REQUIRED"
                    : "TOO_LONG", "Say in up to 500 characters what is wrong."));
        }
        return fileReport(tx, caller, messageId, reason.strip(), REPORT_ATTEMPTS);
    }

    private Uni<ReportResult> fileReport(Tx tx, Caller caller, UUID messageId, String reason, int attempts) {
        tx.recover(failure -> Constraints.isUniqueViolation(failure, REPORT_ONCE),
                () -> Uni.createFrom().item(ReportResult.refused("input.messageId", "ALREADY_REPORTED",
                        "You already reported this message.")));
        // another member's report of the same message created or raised its item meanwhile: count this one too
        tx.retry(failure -> attempts > 1 && (Constraints.isUniqueViolation(failure, ONE_ITEM_PER_MESSAGE)
                || OptimisticLocks.isStale(failure)), again -> fileReport(again, caller, messageId, reason, attempts - 1));
        return contents.readableMessage(tx, caller, messageId,
                CommunityAction.RESPOND).chain(found -> {
                    if (found.problem() != null && !"NOT_FOUND".equals(found.problem().code())) {
                        return Uni.createFrom().item(new ReportResult(null, List.of(found.problem())));
                    }
                    if (found.problem() != null || found.message().status != ContentStatus.PUBLISHED) {
                        return Uni.createFrom().item(notVisible());
                    }
                    // someone who reads a public community without having joined anything yet has no profile yet
                    Uni<UUID> reporter = found.access().member() != null
                            ? Uni.createFrom().item(found.access().member().id)
                            : profiles.memberOf(caller).map(member -> member.id);
                    return reporter.chain(id -> file(tx, id, found.message(), reason));
                });
    }

    private Uni<ReportResult> file(Tx tx, UUID reporter, MessageEntity message, String reason) {
        Instant now = now();
        ContentReportEntity report = new ContentReportEntity();
        report.id = UUID.randomUUID();
        report.tenantId = tx.tenantId();
        report.messageId = message.id;
        report.reporterMemberId = reporter;
        report.reason = reason;
        report.createdAt = now;
        return reports.persistAndFlush(report)
                .chain(() -> items.ofMessageLocked(tx.tenantId(), message.id))
                .chain(item -> item == null ? newReportItem(tx, message, now) : raise(tx, item, now))
                .chain(() -> items.flush())
                .chain(() -> Activities.record(tx, message.communityId, reporter, ActivityKind.REPORT_FILED, now, report.id,
                        null))
                .map(ignored -> new ReportResult(report, List.of()));
    }

    private Uni<Void> newReportItem(Tx tx, MessageEntity message, Instant now) {
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
        return items.persist(item).chain(() -> events.publish(tx, "QUEUED", item));
    }

    /** A further report raises the item; a report of a message moderators approved puts it back in the queue. */
    private Uni<Void> raise(Tx tx, ModerationItemEntity item, Instant now) {
        item.reportCount++;
        item.priority++;
        item.updatedAt = now;
        if (item.status == ItemStatus.APPROVED) {
            item.reopen();
            item.reason = ItemReason.REPORT;
        }
        return items.flush().chain(() -> events.publish(tx, "REPORTED", item));
    }

    public Uni<Page<ModerationItemEntity>> queue(Tx tx, Caller caller, UUID communityId, QueueQuery query) {
        UUID tenant = caller.tenantId();
        return items.queue(tenant, communityId, query);
    }

    public Uni<ItemResult> claim(Tx tx, Caller caller, UUID itemId) {
        tx.recover(OptimisticLocks::isStale, () -> Uni.createFrom().item(changedMeanwhile()));
        return decidable(tx, caller, itemId).chain(item -> {
            if (item.problem() != null) {
                return Uni.createFrom().item(item.problem());
            }
            return claimFound(tx, caller, item.item());
        });
    }

    private Uni<ItemResult> claimFound(Tx tx, Caller caller, ModerationItemEntity item) {
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
        return items.flush()
                .chain(() -> events.publish(tx, "CLAIMED", item))
                .chain(() -> content.message(tx.tenantId(), item.messageId)).map(message -> ItemResult.ok(item, message));
    }

    /** An item of the tenant, in a community that still changes; or why not. */
    private record Decidable(ModerationItemEntity item, ItemResult problem) {
    }

    private Uni<Decidable> decidable(Tx tx, Caller caller, UUID itemId) {
        return items.findInTenant(tx.tenantId(), itemId).chain(item -> item == null
                ? Uni.createFrom().item(new Decidable(null, ItemResult.refused("input.itemId", "NOT_FOUND",
                        "No queue item of this tenant has this id.")))
                : gate.check(tx, caller, item.communityId, CommunityAction.ADMINISTER, "input.itemId")
                        .map(access -> access.allowed()
                                ? new Decidable(item, null)
                                : new Decidable(null, new ItemResult(null, null, List.of(access.refusal())))));
    }

    /** Approve (publish), remove, or escalate to the tenant admins, who alone decide escalated items. */
    public Uni<ItemResult> decide(Tx tx, Caller caller, UUID itemId, Decision decision, String note, SanctionOrder sanction) {
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
        tx.recover(OptimisticLocks::isStale, () -> Uni.createFrom().item(changedMeanwhile()));
        return decidable(tx, caller, itemId).chain(found -> {
            if (found.problem() != null) {
                return Uni.createFrom().item(found.problem());
            }
            ModerationItemEntity item = found.item();
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
                    ? apply(tx, caller, item, message, decision, note)
                    : decideAndSanction(tx, caller, item, message, decision, note, sanction));
        });
    }

    /** Two moderators deciding one item (or sanctioning one member) at once: the second one reloads. */
    private static ItemResult changedMeanwhile() {
        return ItemResult.refused("input.itemId", "STALE_VERSION",
                "Someone decided or changed this item at the same time: reload the queue.");
    }

    /** The author is checked before anything is decided, so a refused sanction leaves the item as it was. */
    private Uni<ItemResult> decideAndSanction(Tx tx, Caller caller, ModerationItemEntity item, MessageEntity message,
            Decision decision, String note, SanctionOrder sanction) {
        return sanctions.target(tx, caller, message.communityId, message.authorMemberId, "input.itemId", "input.sanction")
                .chain(target -> !target.allowed()
                        ? Uni.createFrom().item(new ItemResult(null, null, target.userErrors()))
                        : apply(tx, caller, item, message, decision, note).call(
                                result -> sanctions.issueWithin(tx, caller, target.membership(), sanction, item.id)));
    }

    private Uni<ItemResult> apply(Tx tx, Caller caller, ModerationItemEntity item, MessageEntity message,
            Decision decision, String note) {
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
                effect = remove(message, now);
            }
            case ESCALATE -> item.status = ItemStatus.ESCALATED;
        }
        return effect.chain(() -> items.flush())
                .chain(() -> Activities.record(tx, item.communityId, message.authorMemberId, ActivityKind.MODERATION_DECIDED,
                        now, item.id, null))
                .chain(() -> audit.record(tx, caller, "MODERATION_" + item.status, "Message", message.id,
                        "Queue item " + item.reason + (item.decisionNote == null ? "" : ": " + item.decisionNote)))
                .chain(() -> events.publish(tx, "DECIDED", item))
                .chain(() -> webhooks.announce(tx, WebhookEventType.MODERATION_DECIDED, new JsonObject()
                        .put("itemId", GlobalId.encode("ModerationItem", item.id))
                        .put("communityId", GlobalId.encode("Community", item.communityId))
                        .put("messageId", GlobalId.encode("Message", message.id)).put("status", item.status.name())
                        .put("reason", item.reason.name()).put("decidedBy", item.decidedByName)
                        .put("decidedAt", item.decidedAt.toString())))
                .map(ignored -> ItemResult.ok(item, message));
    }

    /** Removing a message hides it from all but the moderators; removing a thread's opening message hides the thread too. */
    private Uni<Void> remove(MessageEntity message, Instant now) {
        message.status = ContentStatus.REMOVED;
        message.updatedAt = now;
        return content.thread(message.tenantId, message.threadId).invoke(thread -> {
            if (thread != null && opens(thread, message)) {
                thread.status = ContentStatus.REMOVED;
                thread.updatedAt = now;
            }
        }).replaceWithVoid();
    }

    /** The first message of a thread is its opening one: written with the thread, at the same instant. */
    private static boolean opens(ThreadEntity thread, MessageEntity message) {
        return message.parentId == null && message.createdAt.equals(thread.createdAt);
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
            if (thread != null && thread.status == ContentStatus.HELD && opens(thread, message)) {
                thread.status = ContentStatus.PUBLISHED;
                thread.updatedAt = now();
            }
        }).replaceWithVoid();
    }

    private static ReportResult notVisible() {
        return ReportResult.refused("input.messageId", "NOT_FOUND", "No message you can see has this id.");
    }
}
