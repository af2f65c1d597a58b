package io.animo.member.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/** Labels staff put on members ("beta-tester", "partner") to aim campaigns at them. */
@ApplicationScoped
public class MemberTags {

    public static final int MAX_TAGS = 20;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    /** The outcome of setting a member's tags: the tags now, or why not. */
    public record Result(UUID memberId, List<String> tags, List<UserError> userErrors) {
    }

    private final MemberTagRepository repository;
    private final AuditLog audit;

    public MemberTags(MemberTagRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /**
     * Tags lowercased, without duplicates, in the order given; null when one is not 1 to 40 letters, digits, '-' or
     * '_' (starting with a letter or digit) or when there are more than {@link #MAX_TAGS}.
     */
    public static List<String> normalize(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        List<String> clean = new ArrayList<>();
        for (String tag : tags) {
            String lower = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(lower).matches()) {
                return null;
            }
            if (!clean.contains(lower)) {
                clean.add(lower);
            }
        }
        return clean.size() > MAX_TAGS ? null : clean;
    }

    /** Replaces the member's tags. Audited. */
    public Uni<Result> set(Tx tx, Caller caller, UUID memberId, List<String> tags) {
        List<String> clean = normalize(tags);
        if (clean == null) {
            return Uni.createFrom().item(refused("input.tags", "INVALID", "Give up to " + MAX_TAGS + " tags of 1 to 40"
                    + " letters, digits, '-' or '_'."));
        }
        return repository.exists(tx, memberId).chain(exists -> !exists
                ? Uni.createFrom().item(refused("input.memberId", "NOT_FOUND", "No member of this tenant has this id."))
                : repository.replace(tx, memberId, clean)
                        .chain(() -> audit.record(tx, caller, "MEMBER_TAGS_SET", "Member", memberId,
                                String.join(", ", clean)))
                        .map(ignored -> new Result(memberId, clean, List.of())));
    }

    /** The member's tags, alphabetically. */
    public Uni<List<String>> of(Tx tx, UUID memberId) {
        return repository.of(tx, memberId);
    }

    private static Result refused(String field, String code, String message) {
        return new Result(null, List.of(), List.of(UserError.of(field, code, message)));
    }
}
