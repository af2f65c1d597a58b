package io.animo.tenancy.domain;

import java.util.List;

/** A person to create in a tenant realm. */
public record NewUser(String username, String email, String firstName, String lastName, String password,
        boolean temporaryPassword, List<String> realmRoles) {
}
