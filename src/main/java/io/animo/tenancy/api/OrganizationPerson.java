package io.animo.tenancy.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.tenancy.domain.OrganizationProvisioner;

@Type("OrganizationPerson")
@Description("A person of an organization tenant, as Keycloak knows them, with their roles in this organization.")
public record OrganizationPerson(@NonNull String username, String email, String firstName, String lastName,
        @NonNull @Description("Their role groups in this organization, e.g. tenant-admin, member") List<@NonNull String> roles) {

    static OrganizationPerson of(OrganizationProvisioner.Person person) {
        return person == null
                ? null
                : new OrganizationPerson(person.username(), person.email(), person.firstName(), person.lastName(),
                        person.roles());
    }
}
