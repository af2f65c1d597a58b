package io.animo.sentiment.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.platform.graphql.BadRequestException;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.security.Roles;
import io.animo.sentiment.domain.SentimentAnalyzer;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class SentimentGraphQLApi {

    private static final String[] READERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR, Roles.ANALYST};

    private final SentimentAnalyzer analyzer;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public SentimentGraphQLApi(SentimentAnalyzer analyzer, TenantWork work, SecurityIdentity identity) {
        this.analyzer = analyzer;
        this.work = work;
        this.identity = identity;
    }

    @Query
    @Description("What the sentiment analyser reads in a text (at most 10,000 characters), the way it reads every"
            + " message and mention. Roles: tenant-admin, community-manager, moderator, analyst.")
    public Uni<@NonNull SentimentAnalysis> sentimentAnalyze(@NonNull String text) {
        if (text.length() > SentimentAnalyzer.MAX_CHARACTERS) {
            return Uni.createFrom().failure(new BadRequestException("At most " + SentimentAnalyzer.MAX_CHARACTERS
                    + " characters."));
        }
        return work.as(identity, READERS).caller().map(caller -> SentimentAnalysis.of(analyzer.analyze(text)));
    }
}
