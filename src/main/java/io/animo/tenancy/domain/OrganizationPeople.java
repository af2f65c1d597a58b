package io.animo.tenancy.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.platform.graphql.ForbiddenException;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.UnitOfWork;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The people of an organization tenant, managed by its admins through Animo: Keycloak 26.5 lets nobody but an
 * admin of the whole shared realm manage an organization, so Animo does it for them, inside their organization
 * only (its members and its role groups), and audits it. Realm tenants manage their people in their own realm.
 */
@ApplicationScoped
public class OrganizationPeople {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{3,60}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    /** What a change of a person came to: the person as they are now, a password generated once, or the errors. */
    public record Result(OrganizationProvisioner.Person person, String temporaryPassword, List<UserError> userErrors) {

        static Result ok(OrganizationProvisioner.Person person, String temporaryPassword) {
            return new Result(person, temporaryPassword, List.of());
        }

        static Result refused(String field, String code, String message) {
            return new Result(null, null, List.of(UserError.of(field, code, message)));
        }
    }

    /** A person to add. A null password means: generate a temporary one. */
    public record NewPerson(String username, String email, String firstName, String lastName, List<String> roles,
            String password) {
    }

    private final OrganizationProvisioner keycloak;
    private final TenantDirectory directory;
    private final UnitOfWork unitOfWork;
    private final AuditLog audit;

    public OrganizationPeople(OrganizationProvisioner keycloak, TenantDirectory directory, UnitOfWork unitOfWork,
            AuditLog audit) {
        this.keycloak = keycloak;
        this.directory = directory;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
    }

    public Uni<List<OrganizationProvisioner.Person>> list(Caller caller, String search, int first, int max) {
        return organizationOf(caller).chain(alias -> KeycloakCalls.blocking(() -> keycloak.people(alias, search, first, max)));
    }

    public Uni<Result> add(Caller caller, NewPerson person) {
        List<UserError> errors = validate(person);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(new Result(null, null, errors));
        }
        String password = person.password() != null ? person.password() : KeycloakCalls.generatePassword();
        boolean temporary = person.password() == null;
        NewUser user = new NewUser(person.username(), person.email(), person.firstName().strip(),
                person.lastName().strip(), password, temporary, List.copyOf(person.roles()));
        return organizationOf(caller).chain(alias -> KeycloakCalls.blocking(() -> keycloak.addNew(alias, user))
                .chain(added -> added.isEmpty()
                        ? Uni.createFrom().item(Result.refused("input.username", "USERNAME_TAKEN",
                                "Someone is already called \"" + person.username() + "\" or uses this e-mail address."
                                        + " Choose another."))
                        : audited(caller, "PERSON_ADDED", added.get(), String.join(", ", person.roles()))
                                .replaceWith(Result.ok(added.get(), temporary ? password : null))));
    }

    public Uni<Result> setRoles(Caller caller, String username, List<String> roles) {
        Optional<UserError> invalid = invalidRoles(roles);
        if (invalid.isPresent()) {
            return Uni.createFrom().item(new Result(null, null, List.of(invalid.get())));
        }
        return change(caller, username, "PERSON_ROLES_SET", String.join(", ", roles), (alias, person) -> {
            keycloak.setRoles(alias, person.id(), roles);
            return keycloak.person(alias, person.username()).orElseThrow();
        });
    }

    public Uni<Result> remove(Caller caller, String username) {
        return change(caller, username, "PERSON_REMOVED", "", (alias, person) -> {
            keycloak.remove(alias, person.id());
            return person;
        });
    }

    private interface Change {
        OrganizationProvisioner.Person apply(String alias, OrganizationProvisioner.Person person);
    }

    /** A change of one of the organization's people: never of someone outside it, never of oneself. */
    private Uni<Result> change(Caller caller, String username, String action, String summary, Change change) {
        return organizationOf(caller)
                .chain(alias -> KeycloakCalls.blocking(() -> keycloak.person(alias, username)).chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(Result.refused("input.username", "NOT_FOUND",
                                "Nobody of this organization has this username."));
                    }
                    if (found.get().id().equals(caller.subject())) {
                        return Uni.createFrom().item(Result.refused("input.username", "CANNOT_CHANGE_SELF",
                                "Ask another admin of the organization to change your own roles or membership."));
                    }
                    return KeycloakCalls.blocking(() -> change.apply(alias, found.get()))
                            .call(changed -> audited(caller, action, changed, summary))
                            .map(changed -> Result.ok(changed, null));
                }));
    }

    private Uni<Void> audited(Caller caller, String action, OrganizationProvisioner.Person person, String summary) {
        return unitOfWork.inTenant(caller.tenantId(), tx -> audit.record(tx, caller, action, "Person",
                UUID.fromString(person.id()), summary.isEmpty() ? person.username() : person.username() + ": " + summary));
    }

    /** The alias of the caller's organization; realm tenants manage their people in their realm. */
    private Uni<String> organizationOf(Caller caller) {
        return directory.byKey(caller.tenantKey()).map(tenant -> {
            if (tenant.isEmpty() || tenant.get().kind() != TenantKind.ORGANIZATION) {
                throw new ForbiddenException("A realm tenant's admins manage its people in their own Keycloak realm.");
            }
            return tenant.get().organization();
        });
    }

    private static List<UserError> validate(NewPerson person) {
        List<UserError> errors = new ArrayList<>();
        if (person.username() == null || !USERNAME.matcher(person.username()).matches()) {
            errors.add(UserError.of("input.username", "INVALID_USERNAME",
                    "Use 3 to 60 letters, digits, dots, hyphens, underscores or @."));
        }
        if (person.email() == null || person.email().length() > 254 || !EMAIL.matcher(person.email()).matches()) {
            errors.add(UserError.of("input.email", "INVALID_EMAIL", "Give a valid e-mail address."));
        }
        requireText(errors, "input.firstName", person.firstName());
        requireText(errors, "input.lastName", person.lastName());
        if (person.password() != null && (person.password().length() < 12 || person.password().length() > 128)) {
            errors.add(UserError.of("input.password", "WEAK_PASSWORD",
                    "Use 12 to 128 characters, or leave it out to get a temporary password."));
        }
        invalidRoles(person.roles()).ifPresent(errors::add);
        return errors;
    }

    private static Optional<UserError> invalidRoles(List<String> roles) {
        if (roles == null || roles.isEmpty() || !OrganizationProvisioner.ROLES.containsAll(roles)) {
            return Optional.of(UserError.of("input.roles", "INVALID_ROLE",
                    "Give one or more of " + String.join(", ", OrganizationProvisioner.ROLES) + "."));
        }
        return Optional.empty();
    }

    private static void requireText(List<UserError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(UserError.of(field, "REQUIRED", "This field is required."));
        } else if (value.length() > 100) {
            errors.add(UserError.of(field, "TOO_LONG", "At most 100 characters."));
        }
    }

}
