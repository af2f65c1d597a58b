package io.animo.debate.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.content.domain.ContentRepository;
import io.animo.content.domain.ContentService;
import io.animo.content.domain.PostResult;
import io.animo.content.domain.ThreadEntity;
import io.animo.content.domain.ThreadKind;
import io.animo.platform.graphql.TextFields;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Debates: a thread whose first message is the opening statement (it passes the community's rules like any
 * thread), with optional sides replies take and a window when replies are open.
 */
@ApplicationScoped
public class DebateService {

    static final int THEME_MAX = 300;
    static final int SIDE_MAX = 100;

    private final ContentService content;
    private final ContentRepository messages;
    private final DebateRepository debates;

    public DebateService(ContentService content, ContentRepository messages, DebateRepository debates) {
        this.content = content;
        this.messages = messages;
        this.debates = debates;
    }

    public Uni<PostResult> create(Tx tx, Caller caller, UUID communityId, String title, String theme, String openingStatement,
            List<String> sides, Instant opensAt, Instant closesAt) {
        Instant now = DbTime.now();
        Instant opens = opensAt == null ? now : opensAt;
        List<String> labels = sides == null ? List.of() : sides;
        List<UserError> errors = new ArrayList<>();
        TextFields.check(errors, "input.title", title, Inputs.TITLE_MAX);
        TextFields.check(errors, "input.theme", theme, THEME_MAX);
        TextFields.check(errors, "input.openingStatement", openingStatement, Inputs.BODY_MAX);
        if (!labels.isEmpty()) {
            Inputs.labels(errors, "input.sides", labels, 2, 6, SIDE_MAX);
        }
        if (opens.isAfter(Inputs.horizon(now))) {
            errors.add(UserError.of("input.opensAt", "TOO_FAR", "At most one year ahead."));
        }
        Inputs.closing(errors, "input.closesAt", closesAt, now);
        if (closesAt != null && !closesAt.isAfter(opens)) {
            errors.add(UserError.of("input.closesAt", "BEFORE_OPENING", "A debate closes after it opens."));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(new PostResult(null, null, null, List.of(), List.copyOf(errors)));
        }
        return content.createThread(tx, caller, communityId, ThreadKind.DEBATE, title, openingStatement,
                (unit, thread) -> store(thread, theme.strip(), openingStatement, labels, opens, closesAt));
    }

    private Uni<Void> store(ThreadEntity thread, String theme, String openingStatement, List<String> labels,
            Instant opensAt, Instant closesAt) {
        DebateEntity debate = new DebateEntity();
        debate.tenantId = thread.tenantId;
        debate.threadId = thread.id;
        debate.theme = theme;
        debate.openingStatement = openingStatement;
        debate.opensAt = DbTime.stored(opensAt);
        debate.closesAt = DbTime.stored(closesAt);
        List<DebateSideEntity> sides = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            DebateSideEntity side = new DebateSideEntity();
            side.id = UUID.randomUUID();
            side.tenantId = thread.tenantId;
            side.threadId = thread.id;
            side.position = i;
            side.label = labels.get(i).strip();
            sides.add(side);
        }
        return debates.persistWithSides(debate, sides);
    }

    /** The debates of these threads (the caller already sees them), with three queries whatever their number. */
    public Uni<Map<UUID, DebateView>> debates(Tx tx, Caller caller, Collection<UUID> threadIds) {
        if (threadIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        UUID tenant = caller.tenantId();
        List<UUID> ids = List.copyOf(threadIds);
        return debates.ofThreads(tenant, ids)
                .chain(found -> debates.sidesOf(tenant, ids)
                        .chain(sides -> messages.publishedRepliesPerSide(tenant, ids).map(counts -> {
                            Map<UUID, DebateView> views = new HashMap<>();
                            for (DebateEntity debate : found) {
                                List<DebateView.SideCount> own = sides.stream()
                                        .filter(side -> side.threadId.equals(debate.threadId))
                                        .map(side -> new DebateView.SideCount(side, counts.getOrDefault(side.id, 0L)))
                                        .toList();
                                views.put(debate.threadId, new DebateView(debate, own));
                            }
                            return views;
                        })));
    }
}
