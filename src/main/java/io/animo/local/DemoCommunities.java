package io.animo.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.animo.community.domain.CommunityEntity;
import io.animo.community.domain.CommunityRepository;
import io.animo.community.domain.CommunityStatus;
import io.animo.community.domain.CommunityVisibility;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.UnitOfWork;
import io.quarkus.arc.profile.IfBuildProfile;

/** A few communities so a demo tenant is not empty (dev only; tests make their own data). */
@IfBuildProfile(anyOf = {"dev", "test"})
@ApplicationScoped
public class DemoCommunities {

    private record Demo(String slug, String name, String description, CommunityVisibility visibility) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("product-feedback", "Product feedback", "Tell us what to build next.", CommunityVisibility.PUBLIC),
            new Demo("beta-testers", "Beta testers", "Early builds and the bugs they bring.", CommunityVisibility.PRIVATE),
            new Demo("customer-stories", "Customer stories", "How people use the product.", CommunityVisibility.PUBLIC));

    private final boolean enabled;
    private final UnitOfWork unitOfWork;
    private final CommunityRepository communities;

    public DemoCommunities(@ConfigProperty(name = "animo.seed.communities", defaultValue = "false") boolean enabled,
            UnitOfWork unitOfWork, CommunityRepository communities) {
        this.enabled = enabled;
        this.unitOfWork = unitOfWork;
        this.communities = communities;
    }

    void seed(UUID tenantId) {
        if (!enabled) {
            return;
        }
        for (Demo demo : DEMOS) {
            unitOfWork.inTenant(tenantId, tx -> communities.findBySlug(tenantId, demo.slug()).chain(existing -> {
                if (existing != null) {
                    return io.smallrye.mutiny.Uni.createFrom().voidItem();
                }
                Instant now = DbTime.now();
                CommunityEntity community = new CommunityEntity();
                community.id = UUID.randomUUID();
                community.tenantId = tenantId;
                community.slug = demo.slug();
                community.rename(demo.name());
                community.description = demo.description();
                community.visibility = demo.visibility();
                community.status = CommunityStatus.ACTIVE;
                community.createdBySubject = "seed";
                community.createdByName = "Animo demo";
                community.createdAt = now;
                community.updatedAt = now;
                return communities.persist(community).replaceWithVoid();
            })).await().atMost(Duration.ofSeconds(30));
        }
    }
}
