package io.animo.metrics.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.animo.metrics.domain.EngagementPoint;
import io.animo.metrics.domain.EngagementService;
import io.animo.metrics.domain.Granularity;
import io.animo.metrics.domain.Metric;
import io.animo.platform.graphql.ApiException;
import io.animo.platform.graphql.BadRequestException;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundaryInterceptor;
import io.animo.platform.graphql.HttpRefusals;
import io.animo.platform.graphql.UnauthenticatedException;
import io.animo.platform.security.Caller;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /exports/engagement.csv}: the engagement series of a community or the whole tenant as CSV, for analysts
 * (marketing, HR, management), over any range. Same roles, scope and figures as the {@code engagement} query; the
 * rows are read and sent in slices of under 1,000 buckets, each in its own short unit of work, so a long export
 * holds neither a connection nor memory. A tenant runs at most two exports at a time. Refusals come before the first
 * byte, as a GraphQL-like JSON error with its {@code extensions.code} and the matching HTTP status.
 */
@ApplicationScoped
public class EngagementExportRoute {

    static final String PATH = "/exports/engagement.csv";
    private static final int MAX_EXPORTS_PER_TENANT = 2;
    private static final List<Metric> COLUMNS = List.of(Metric.values());

    private final EngagementService engagement;
    private final TenantWork work;
    private final Map<UUID, AtomicInteger> running = new ConcurrentHashMap<>();

    public EngagementExportRoute(EngagementService engagement, TenantWork work) {
        this.engagement = engagement;
        this.work = work;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, PATH).order(-50).handler(this::export);
    }

    private void export(RoutingContext ctx) {
        Request request;
        try {
            request = Request.of(ctx);
        } catch (ApiException e) {
            HttpRefusals.refuse(ctx, e);
            return;
        }
        SecurityIdentity identity = HttpRefusals.identity(ctx);
        if (identity == null) {
            HttpRefusals.refuse(ctx, new UnauthenticatedException());
            return;
        }
        work.as(identity, MetricsGraphQLApi.READERS)
                .run((tx, caller) -> engagement.inScope(tx, request.communityId()).replaceWith(caller))
                .subscribe().with(caller -> start(ctx, request, caller),
                        failure -> HttpRefusals.refuse(ctx, GraphQLBoundaryInterceptor.toApi("export", failure)));
    }

    private void start(RoutingContext ctx, Request request, Caller caller) {
        List<Instant[]> chunks;
        try {
            chunks = engagement.chunks(request.from(), request.to(), request.granularity(), request.timeZone());
        } catch (ApiException e) {
            HttpRefusals.refuse(ctx, e);
            return;
        }
        AtomicInteger exports = running.computeIfAbsent(caller.tenantId(), tenant -> new AtomicInteger());
        if (exports.incrementAndGet() > MAX_EXPORTS_PER_TENANT) {
            exports.decrementAndGet();
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "10");
            HttpRefusals.refuse(ctx, 429, "RATE_LIMITED", "Your tenant already runs " + MAX_EXPORTS_PER_TENANT
                    + " exports: try again when one is done.");
            return;
        }
        HttpServerResponse response = ctx.response().setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"engagement.csv\"");
        response.write(header());
        Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> work.in(caller, tx -> engagement.series(tx,
                        request.communityId(), chunk[0], chunk[1], request.granularity(), request.timeZone()))
                        .chain(points -> Uni.createFrom().completionStage(response.write(rows(points)).toCompletionStage())))
                .onTermination().invoke(exports::decrementAndGet)
                .subscribe().with(ignored -> {
                }, failure -> {
                    GraphQLBoundaryInterceptor.toApi("export", failure); // logged when unexpected
                    ctx.request().connection().close(); // a cut-off CSV must not look complete
                }, response::end);
    }

    private static Buffer header() {
        StringBuilder line = new StringBuilder("start");
        COLUMNS.forEach(metric -> line.append(',').append(metric.name().toLowerCase(Locale.ROOT)));
        return Buffer.buffer(line.append(",active_members,median_first_reply_seconds\r\n").toString());
    }

    private static Buffer rows(List<EngagementPoint> points) {
        StringBuilder rows = new StringBuilder(points.size() * 80);
        for (EngagementPoint point : points) {
            rows.append(point.start());
            COLUMNS.forEach(metric -> rows.append(',').append(point.count(metric)));
            rows.append(',').append(point.activeMembers()).append(',');
            if (point.medianFirstReplySeconds() != null) {
                rows.append(String.format(Locale.ROOT, "%.1f", point.medianFirstReplySeconds()));
            }
            rows.append("\r\n");
        }
        return Buffer.buffer(rows.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The query parameters: communityId (optional), from, to, granularity, timeZone (UTC by default). */
    private record Request(UUID communityId, Instant from, Instant to, Granularity granularity, String timeZone) {

        static Request of(RoutingContext ctx) {
            String community = ctx.queryParams().get("communityId");
            try {
                return new Request(community == null ? null : GlobalId.optional(community, MetricsGraphQLApi.COMMUNITY),
                        Instant.parse(required(ctx, "from")), Instant.parse(required(ctx, "to")),
                        Granularity.valueOf(required(ctx, "granularity").toUpperCase(Locale.ROOT)),
                        ctx.queryParams().get("timeZone") == null ? "UTC" : ctx.queryParams().get("timeZone"));
            } catch (DateTimeParseException e) {
                throw new BadRequestException("from and to are ISO-8601 instants, e.g. 2026-01-01T00:00:00Z.");
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("granularity is MINUTE, HOUR, DAY or WEEK.");
            }
        }

        private static String required(RoutingContext ctx, String name) {
            String value = ctx.queryParams().get(name);
            if (value == null || value.isBlank()) {
                throw new BadRequestException("The query parameter " + name + " is required.");
            }
            return value;
        }
    }
}
