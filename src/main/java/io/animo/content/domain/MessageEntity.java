package io.animo.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.animo.sentiment.domain.Sentiment;
import io.animo.sentiment.domain.SentimentLabel;

@Entity
@Table(name = "message")
public class MessageEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "thread_id", nullable = false, updatable = false)
    public UUID threadId;

    @Column(name = "community_id", nullable = false, updatable = false)
    public UUID communityId;

    @Column(name = "parent_id", updatable = false)
    public UUID parentId;

    @Column(name = "author_member_id", nullable = false, updatable = false)
    public UUID authorMemberId;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContentStatus status;

    @Column(nullable = false)
    public boolean flagged;

    /** Why the rules held or flagged it (names of the rules that fired). */
    @Column(name = "moderation_note")
    public String moderationNote;

    /** The debate side this reply takes, if any (debate threads only). */
    @Column(name = "debate_side_id", updatable = false)
    public UUID debateSideId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When its author last edited it; null if never. */
    @Column(name = "edited_at")
    public Instant editedAt;

    /** {@code en}, {@code fr} or {@code und}, as the sentiment analyser told when the text was stored. */
    public String language;

    @Enumerated(EnumType.STRING)
    public SentimentLabel sentiment;

    @Column(name = "sentiment_score")
    public Float sentimentScore;

    @Version
    public long version;

    /** Reads the text's language and sentiment into this message. */
    public void feel(Sentiment read) {
        language = read.language();
        sentiment = read.label();
        sentimentScore = (float) read.score();
    }
}
