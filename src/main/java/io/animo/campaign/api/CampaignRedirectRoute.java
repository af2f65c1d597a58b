package io.animo.campaign.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.animo.campaign.domain.Click;
import io.animo.campaign.domain.ClickRecorder;
import io.animo.campaign.domain.LinkDirectory;
import io.animo.campaign.domain.LinkTarget;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.HttpRefusals;
import io.animo.platform.graphql.NotFoundException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /r/{code}}: the public end of a tracked link, with no token. Records the click (when, and the UTM
 * parameters: the link's own, overridden by any the short link was given; nothing about the visitor) and redirects
 * (302) to the link's address with those UTM parameters and {@code animo_click}, the click's id, which the visitor
 * can later claim signed in ({@code campaignClickClaim}). A HEAD request (link previews) is redirected but not counted.
 */
@ApplicationScoped
public class CampaignRedirectRoute {

    static final String PREFIX = "/r/";
    static final String CLICK = "CampaignClick";
    private static final Logger LOG = Logger.getLogger(CampaignRedirectRoute.class);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{4,16}");
    private static final int MAX_UTM = 200;

    private final LinkDirectory links;
    private final ClickRecorder clicks;

    public CampaignRedirectRoute(LinkDirectory links, ClickRecorder clicks) {
        this.links = links;
        this.clicks = clicks;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, PREFIX + ":code").order(-50).handler(ctx -> redirect(ctx, true));
        router.route(HttpMethod.HEAD, PREFIX + ":code").order(-50).handler(ctx -> redirect(ctx, false));
    }

    private void redirect(RoutingContext ctx, boolean count) {
        String code = ctx.pathParam("code");
        if (code == null || !CODE.matcher(code).matches()) {
            HttpRefusals.refuse(ctx, new NotFoundException("No link has this code."));
            return;
        }
        links.find(code).chain(link -> {
            if (link == null) {
                return Uni.createFrom().<String>nullItem();
            }
            Click click = new Click(UUID.randomUUID(), link, Instant.now(),
                    utm(ctx, "utm_source", link.utmSource()), utm(ctx, "utm_medium", link.utmMedium()),
                    utm(ctx, "utm_campaign", link.utmCampaign()), utm(ctx, "utm_term", null),
                    utm(ctx, "utm_content", link.utmContent()));
            Uni<Boolean> recorded = count ? clicks.record(click) : Uni.createFrom().item(false);
            return recorded.map(stored -> destination(link, click, stored));
        }).subscribe().with(location -> {
            if (location == null) {
                HttpRefusals.refuse(ctx, new NotFoundException("No link has this code."));
                return;
            }
            ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, location)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader("Referrer-Policy", "no-referrer")
                    .end();
        }, failure -> {
            LOG.warnf("Redirect of %s failed: %s", code, failure.getMessage());
            HttpRefusals.refuse(ctx, 503, "UNAVAILABLE", "Try again in a moment.");
        });
    }

    /** The link's address with the click's UTM parameters (those it does not set itself) and, if stored, its id. */
    static String destination(LinkTarget link, Click click, boolean stored) {
        String target = link.targetUrl();
        int hash = target.indexOf('#');
        String fragment = hash < 0 ? "" : target.substring(hash);
        StringBuilder url = new StringBuilder(hash < 0 ? target : target.substring(0, hash));
        String query = url.indexOf("?") < 0 ? "" : url.substring(url.indexOf("?") + 1);
        String[][] parameters = {{"utm_source", click.utmSource()}, {"utm_medium", click.utmMedium()},
                {"utm_campaign", click.utmCampaign()}, {"utm_term", click.utmTerm()},
                {"utm_content", click.utmContent()},
                {"animo_click", stored ? GlobalId.encode(CLICK, click.id()) : null}};
        for (String[] parameter : parameters) {
            if (parameter[1] == null || hasParameter(query, parameter[0])) {
                continue;
            }
            url.append(url.indexOf("?") < 0 ? '?' : (url.charAt(url.length() - 1) == '?' ? "" : "&"))
                    .append(parameter[0]).append('=').append(URLEncoder.encode(parameter[1], StandardCharsets.UTF_8));
        }
        return url.append(fragment).toString();
    }

    private static boolean hasParameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.equals(name) || pair.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    private static String utm(RoutingContext ctx, String name, String fallback) {
        String given = ctx.queryParams().get(name);
        if (given == null || given.isBlank()) {
            return fallback;
        }
        return given.length() > MAX_UTM ? given.substring(0, MAX_UTM) : given;
    }
}
