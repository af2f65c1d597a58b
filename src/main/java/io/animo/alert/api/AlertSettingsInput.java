package io.animo.alert.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AlertSettingsInput")
public record AlertSettingsInput(@NonNull @Description("2 to 20 standard deviations") double threshold,
        @NonNull @Description("1 to 100000") int minMessages, @NonNull @Description("1 to 100000") int minReports,
        @NonNull @Description("1 to 100000") int minJoins, String clientMutationId) {
}
