package io.animo.feedback.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.ScoreTimeKeyset;
import io.animo.platform.graphql.TimeKeyset;
import io.animo.platform.persistence.TenantOwnedRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Bug reports and suggestions, with their votes (one per member and report). Each query filters by tenant. */
@ApplicationScoped
public class FeedbackReportRepository implements TenantOwnedRepository<FeedbackReportEntity> {

    private static final String ORDERING = "feedback:";

    /**
     * Stores a member's vote and raises the report's count in the database, in one statement (votes of several
     * members at the same moment all count), then reads the report again.
     */
    public Uni<Void> addVote(FeedbackReportEntity report, FeedbackVoteEntity vote) {
        return Panache.getSession().chain(session -> session.persist(vote).chain(session::flush)
                .chain(() -> session.createMutationQuery("update FeedbackReportEntity set votes = votes + 1,"
                        + " updatedAt = :now where tenantId = :tenant and id = :id")
                        .setParameter("now", now()).setParameter("tenant", vote.tenantId).setParameter("id", vote.reportId)
                        .executeUpdate())
                .chain(() -> session.refresh(report)));
    }

    /** Reports of a community, most voted or newest first; of one status and kind when they are given. */
    public Uni<Page<FeedbackReportEntity>> page(UUID tenantId, UUID communityId, FeedbackStatus status, FeedbackKind kind,
            FeedbackOrder order, PageRequest page) {
        String ordering = ORDERING + order;
        ScoreTimeKeyset byVotes = order == FeedbackOrder.VOTES
                ? ScoreTimeKeyset.highestThenNewest(page, ordering, "votes", "createdAt", "id")
                : null;
        TimeKeyset byAge = byVotes == null ? TimeKeyset.newestFirst(page, ordering, "createdAt", "id") : null;
        return Panache.getSession().chain(session -> {
            List<String> where = new ArrayList<>(List.of("tenantId = :tenant", "communityId = :community"));
            if (status != null) {
                where.add("status = :status");
            }
            if (kind != null) {
                where.add("kind = :kind");
            }
            boolean continues = byVotes != null ? byVotes.hasCursor() : byAge.cursor() != null;
            if (continues) {
                where.add(byVotes != null ? byVotes.condition() : byAge.condition());
            }
            var query = session.createSelectionQuery("from FeedbackReportEntity where " + String.join(" and ", where)
                    + " order by " + (byVotes != null ? byVotes.orderBy() : byAge.orderBy()), FeedbackReportEntity.class)
                    .setParameter("tenant", tenantId).setParameter("community", communityId)
                    .setMaxResults(page.fetchSize());
            if (status != null) {
                query.setParameter("status", status);
            }
            if (kind != null) {
                query.setParameter("kind", kind);
            }
            if (byVotes != null && continues) {
                query.setParameter("score", byVotes.score()).setParameter("at", byVotes.at())
                        .setParameter("cursorId", byVotes.cursorId());
            } else if (continues) {
                query.setParameter("at", byAge.at()).setParameter("cursorId", byAge.cursorId());
            }
            return query.getResultList().map(rows -> Page.of(rows, page, report -> cursorOf(ordering, order, report), -1));
        });
    }

    private static Cursor cursorOf(String ordering, FeedbackOrder order, FeedbackReportEntity report) {
        return order == FeedbackOrder.VOTES
                ? ScoreTimeKeyset.cursorOf(ordering, report.votes, report.createdAt, report.id)
                : TimeKeyset.cursorOf(ordering, report.createdAt, report.id);
    }
}
