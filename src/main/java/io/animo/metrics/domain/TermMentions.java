package io.animo.metrics.domain;

/**
 * How content (messages, and the mentions of listened-to sources) is found to mention a tracked term: its text holds the term as whole words, in any case (the term is
 * matched literally: its regular-expression characters are escaped). The aggregator applies it to new activities,
 * and a new term to the activities of the past {@value #BACKFILL_DAYS} days.
 */
final class TermMentions {

    static final int BACKFILL_DAYS = 400;

    /** Inserts the mentions of the activities that the {@code where} clause to append keeps (alias {@code a}). */
    static final String INSERT = "insert into term_mention (tenant_id, term_id, message_id, community_id,"
            + " sentiment, occurred_at)"
            + " select a.tenant_id, t.id, a.subject_id, a.community_id, a.sentiment, a.occurred_at"
            + " from activity a"
            // each activity's text, looked up by key in whichever table holds it
            + " join lateral (select body from message where tenant_id = a.tenant_id and id = a.subject_id"
            + "  union all select body from listening_mention where tenant_id = a.tenant_id and id = a.subject_id) m"
            + " on true"
            + " join tracked_term t on t.tenant_id = a.tenant_id"
            + " and m.body ~* ('\\m' || regexp_replace(t.term, '([.^$*+?()\\[\\]{}|\\\\-])', '\\\\\\1', 'g') || '\\M')"
            + " and a.kind in ('THREAD_CREATED', 'MESSAGE_POSTED', 'REPLY_POSTED', 'MENTION_INGESTED')";

    private TermMentions() {
    }
}
