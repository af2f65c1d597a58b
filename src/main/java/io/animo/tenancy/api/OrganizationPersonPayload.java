package io.animo.tenancy.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.UserError;
import io.animo.tenancy.domain.OrganizationPeople;

@Type("OrganizationPersonPayload")
public record OrganizationPersonPayload(OrganizationPerson person,
        @Description("Set only when the service generated the person's password; shown once, changed at first login") String temporaryPassword,
        @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static OrganizationPersonPayload of(OrganizationPeople.Result result, String clientMutationId) {
        return new OrganizationPersonPayload(OrganizationPerson.of(result.person()), result.temporaryPassword(),
                result.userErrors(), clientMutationId);
    }
}
