package io.animo.tenancy.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.UnitOfWork;
import io.animo.platform.security.KeycloakRealms;
import io.animo.platform.security.KeycloakTenantConfigResolver;
import io.animo.platform.security.Operator;
import io.animo.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** Tenant lifecycle: a tenant row and its Keycloak realm are created and suspended together. */
@ApplicationScoped
public class TenantService {

    private static final Logger LOG = Logger.getLogger(TenantService.class);

    private final UnitOfWork unitOfWork;
    private final TenantRepository tenants;
    private final RealmProvisioner realms;
    private final OrganizationProvisioner organizations;
    private final TenantDirectory directory;
    private final KeycloakTenantConfigResolver oidcTenants;
    private final KeycloakRealms keycloakRealms;

    public TenantService(UnitOfWork unitOfWork, TenantRepository tenants, RealmProvisioner realms,
            OrganizationProvisioner organizations, TenantDirectory directory, KeycloakTenantConfigResolver oidcTenants,
            KeycloakRealms keycloakRealms) {
        this.unitOfWork = unitOfWork;
        this.tenants = tenants;
        this.realms = realms;
        this.organizations = organizations;
        this.directory = directory;
        this.oidcTenants = oidcTenants;
        this.keycloakRealms = keycloakRealms;
    }

    public Uni<TenantResult> provision(Operator operator, TenantDraft draft) {
        List<UserError> errors = TenantRules.validate(draft, keycloakRealms.organizationsRealm());
        if (errors.isEmpty() && draft.kind() == TenantKind.ORGANIZATION && !organizations.enabled()) {
            errors = List.of(TenantRules.organizationsDisabled());
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(TenantResult.rejected(errors));
        }
        if (draft.kind() == TenantKind.ORGANIZATION) {
            String realm = keycloakRealms.organizationsRealm();
            return unitOfWork.platform(tx -> tenants.findByKey(realm, draft.organization())).chain(existing -> existing != null
                    ? Uni.createFrom().item(TenantResult.rejected(List.of(TenantRules.organizationTaken(draft.organization()))))
                    : createOrganizationAndTenant(operator, draft));
        }
        return unitOfWork.platform(tx -> tenants.findByKey(draft.realm(), null)).chain(existing -> existing != null
                ? Uni.createFrom().item(TenantResult.rejected(List.of(TenantRules.realmTaken(draft.realm()))))
                : createRealmAndTenant(operator, draft));
    }

    /** The tenant row first, then the organization with its role groups and first admin, in the shared realm. */
    private Uni<TenantResult> createOrganizationAndTenant(Operator operator, TenantDraft draft) {
        String password = draft.adminPassword() != null ? draft.adminPassword() : KeycloakCalls.generatePassword();
        boolean temporary = draft.adminPassword() == null;
        NewUser admin = firstAdmin(draft, password, temporary);
        return insertTenant(draft).chain(tenant -> KeycloakCalls.blocking(() -> organizations.create(draft.organization(),
                draft.name().strip(), admin))
                .onFailure().call(failure -> removeTenant(tenant))
                .chain(outcome -> switch (outcome) {
                    case ALIAS_TAKEN -> removeTenant(tenant).replaceWith(
                            TenantResult.rejected(List.of(TenantRules.organizationTaken(draft.organization()))));
                    case USERNAME_TAKEN -> removeTenant(tenant).replaceWith(
                            TenantResult.rejected(List.of(TenantRules.usernameTaken(admin.username()))));
                    case CREATED -> {
                        oidcTenants.realmCreated(tenant.realm());
                        directory.forget();
                        LOG.infof("Tenant %s (%s) provisioned by %s", tenant.key(), tenant.id(), operator.username());
                        yield Uni.createFrom().item(TenantResult.ok(tenant, temporary ? password : null));
                    }
                }));
    }

    private static NewUser firstAdmin(TenantDraft draft, String password, boolean temporary) {
        return new NewUser(draft.adminUsername() != null ? draft.adminUsername() : draft.adminEmail(),
                draft.adminEmail(), draft.adminFirstName().strip(), draft.adminLastName().strip(), password, temporary,
                List.of(Roles.TENANT_ADMIN, Roles.MEMBER));
    }

    /**
     * The tenant row first, then the realm in one Keycloak call. Should the realm not come (taken, Keycloak
     * failing), the row goes again: the provisioning account may create realms but never delete one, and
     * need not.
     */
    private Uni<TenantResult> createRealmAndTenant(Operator operator, TenantDraft draft) {
        String password = draft.adminPassword() != null ? draft.adminPassword() : KeycloakCalls.generatePassword();
        boolean temporary = draft.adminPassword() == null;
        NewUser admin = firstAdmin(draft, password, temporary);
        return insertTenant(draft).chain(tenant -> KeycloakCalls
                .blocking(() -> realms.createRealm(draft.realm(), draft.name().strip(),
                        List.of(admin)))
                .onFailure().call(failure -> removeTenant(tenant))
                .chain(created -> {
                    if (!created) {
                        return removeTenant(tenant).replaceWith(
                                TenantResult.rejected(List.of(TenantRules.realmTaken(draft.realm()))));
                    }
                    oidcTenants.realmCreated(tenant.realm());
                    directory.forget();
                    LOG.infof("Tenant %s (%s) provisioned by %s", tenant.realm(), tenant.id(), operator.username());
                    return Uni.createFrom().item(TenantResult.ok(tenant, temporary ? password : null));
                }));
    }

    private Uni<Void> removeTenant(TenantRecord tenant) {
        return unitOfWork.platform(tx -> tenants.deleteById(tenant.id())).replaceWithVoid();
    }

    /** The tenant row for a realm or organization that already exists (seeding, recovery). */
    public Uni<TenantRecord> insertTenant(TenantDraft draft) {
        Instant now = DbTime.now();
        TenantEntity tenant = new TenantEntity();
        tenant.id = UUID.randomUUID();
        tenant.kind = draft.kind();
        tenant.realm = draft.kind() == TenantKind.ORGANIZATION ? keycloakRealms.organizationsRealm() : draft.realm();
        tenant.organization = draft.kind() == TenantKind.ORGANIZATION ? draft.organization() : null;
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
            LOG.infof("Tenant %s set to %s by %s", result.tenant().key(), status, operator.username());
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
            LOG.infof("Tenant %s limits set to %s by %s", result.tenant().key(), limits, operator.username());
            return directory.refresh();
        });
    }

    /** A tenant by realm, and for an organization tenant by its alias too (null for a realm tenant). */
    public Uni<TenantRecord> byKey(String realm, String organization) {
        return unitOfWork.platform(tx -> tenants.findByKey(realm, organization))
                .map(t -> t == null ? null : TenantRecord.of(t));
    }

    public Uni<TenantRecord> byId(UUID id) {
        return unitOfWork.platform(tx -> tenants.findById(id)).map(t -> t == null ? null : TenantRecord.of(t));
    }

    public Uni<Page<TenantRecord>> page(PageRequest page) {
        return unitOfWork.platform(tx -> tenants.page(page).chain(rows -> tenants.count().map(total -> Page.of(
                rows.stream().map(TenantRecord::of).toList(), page, TenantRepository::cursorOf, total))));
    }

}
