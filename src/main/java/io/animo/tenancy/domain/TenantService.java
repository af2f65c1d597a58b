package io.animo.tenancy.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.UnitOfWork;
import io.animo.platform.security.KeycloakTenantConfigResolver;
import io.animo.platform.security.Operator;
import io.animo.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Tenant lifecycle: a tenant row and its Keycloak realm are created and suspended together. */
@ApplicationScoped
public class TenantService {

    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = Logger.getLogger(TenantService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnitOfWork unitOfWork;
    private final TenantRepository tenants;
    private final RealmProvisioner realms;
    private final TenantDirectory directory;
    private final KeycloakTenantConfigResolver oidcTenants;

    public TenantService(UnitOfWork unitOfWork, TenantRepository tenants, RealmProvisioner realms, TenantDirectory directory,
            KeycloakTenantConfigResolver oidcTenants) {
        this.unitOfWork = unitOfWork;
        this.tenants = tenants;
        this.realms = realms;
        this.directory = directory;
        this.oidcTenants = oidcTenants;
    }

    public Uni<TenantResult> provision(Operator operator, TenantDraft draft) {
        List<UserError> errors = TenantRules.validate(draft);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(TenantResult.rejected(errors));
        }
        return unitOfWork.platform(tx -> tenants.findByRealm(draft.realm())).chain(existing -> existing != null
                ? Uni.createFrom().item(TenantResult.rejected(List.of(TenantRules.realmTaken(draft.realm()))))
                : createRealmAndTenant(operator, draft));
    }

    private Uni<TenantResult> createRealmAndTenant(Operator operator, TenantDraft draft) {
        String password = draft.adminPassword() != null ? draft.adminPassword() : generatePassword();
        boolean temporary = draft.adminPassword() == null;
        NewUser admin = new NewUser(
                draft.adminUsername() != null ? draft.adminUsername() : draft.adminEmail(),
                draft.adminEmail(), draft.adminFirstName().strip(), draft.adminLastName().strip(), password, temporary,
                List.of(Roles.TENANT_ADMIN, Roles.MEMBER));
        return blocking(() -> {
            if (!realms.createRealm(draft.realm(), draft.name().strip())) {
                return false;
            }
            try {
                realms.createUser(draft.realm(), admin);
                return true;
            } catch (RuntimeException e) {
                realms.deleteRealm(draft.realm());
                throw e;
            }
        }).chain(created -> {
            if (!created) {
                return Uni.createFrom().item(TenantResult.rejected(List.of(TenantRules.realmTaken(draft.realm()))));
            }
            return insertTenant(draft)
                    .onFailure().call(failure -> blocking(() -> {
                        realms.deleteRealm(draft.realm());
                        return null;
                    }))
                    .map(tenant -> {
                        oidcTenants.realmCreated(tenant.realm());
                        directory.forget(tenant.realm());
                        LOG.infof("Tenant %s (%s) provisioned by %s", tenant.realm(), tenant.id(), operator.username());
                        return TenantResult.ok(tenant, temporary ? password : null);
                    });
        });
    }

    /** The tenant row for a realm that already exists (seeding, recovery). */
    public Uni<TenantRecord> insertTenant(TenantDraft draft) {
        Instant now = DbTime.now();
        TenantEntity tenant = new TenantEntity();
        tenant.id = UUID.randomUUID();
        tenant.realm = draft.realm();
        tenant.name = draft.name().strip();
        tenant.status = TenantStatus.ACTIVE;
        tenant.createdAt = now;
        tenant.updatedAt = now;
        return unitOfWork.platform(tx -> tenants.persist(tenant)).map(TenantRecord::of);
    }

    public Uni<TenantResult> changeStatus(Operator operator, UUID tenantId, TenantStatus status) {
        return unitOfWork.platform(tx -> tenants.findById(tenantId).map(tenant -> {
            if (tenant == null) {
                return TenantResult.rejected(List.of(UserError.of("input.tenantId", "NOT_FOUND", "No tenant has this id.")));
            }
            tenant.status = status;
            tenant.updatedAt = DbTime.now();
            return TenantResult.ok(TenantRecord.of(tenant), null);
        })).call(result -> {
            if (result.tenant() == null) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("Tenant %s set to %s by %s", result.tenant().realm(), status, operator.username());
            return directory.refresh();
        });
    }

    /** An operator sets the tenant's query-cost budgets (null: the default of each). */
    public Uni<TenantResult> setLimits(Operator operator, UUID tenantId, TenantLimits limits, int maxOperationCost) {
        List<UserError> errors = limits.validate(maxOperationCost);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(TenantResult.rejected(errors));
        }
        return unitOfWork.platform(tx -> tenants.findById(tenantId).map(tenant -> {
            if (tenant == null) {
                return TenantResult.rejected(List.of(UserError.of("input.tenantId", "NOT_FOUND", "No tenant has this id.")));
            }
            tenant.costTenantCapacity = limits.tenantCapacity();
            tenant.costTenantRefillPerSecond = limits.tenantRefillPerSecond();
            tenant.costCallerCapacity = limits.callerCapacity();
            tenant.costCallerRefillPerSecond = limits.callerRefillPerSecond();
            tenant.updatedAt = DbTime.now();
            return TenantResult.ok(TenantRecord.of(tenant), null);
        })).call(result -> {
            if (result.tenant() == null) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("Tenant %s limits set to %s by %s", result.tenant().realm(), limits, operator.username());
            return directory.refresh();
        });
    }

    public Uni<TenantRecord> byRealm(String realm) {
        return unitOfWork.platform(tx -> tenants.findByRealm(realm)).map(t -> t == null ? null : TenantRecord.of(t));
    }

    public Uni<TenantRecord> byId(UUID id) {
        return unitOfWork.platform(tx -> tenants.findById(id)).map(t -> t == null ? null : TenantRecord.of(t));
    }

    public Uni<Page<TenantRecord>> page(PageRequest page) {
        return unitOfWork.platform(tx -> tenants.page(page).chain(rows -> tenants.count().map(total -> Page.of(
                rows.stream().map(TenantRecord::of).toList(), page, TenantRepository::cursorOf, total))));
    }

    /** Keycloak's admin API is blocking: on a worker, and not for longer than an unresponsive Keycloak deserves. */
    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(KEYCLOAK_TIMEOUT).fail();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
