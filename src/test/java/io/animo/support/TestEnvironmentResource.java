package io.animo.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Applies {@link AnimoTestEnvironment} to every {@code @QuarkusTest}, so all of them share one application start. */
@QuarkusTestResource(value = AnimoTestEnvironment.class, restrictToAnnotatedClass = false)
public final class TestEnvironmentResource {

    private TestEnvironmentResource() {
    }
}
