package io.animo.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** Transaction boundaries are enforced: work that belongs to a unit of work cannot quietly open a second one. */
@QuarkusTest
class UnitOfWorkTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    UnitOfWork unitOfWork;

    @Test
    void aUnitOfWorkOpenedInsideAnotherFailsAtOnce() {
        UUID tenant = UUID.randomUUID();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> unitOfWork
                .inTenant(tenant, outer -> unitOfWork.inTenant(tenant, inner -> Uni.createFrom().item("nested")))
                .await().atMost(WAIT));
        assertTrue(refused.getMessage().contains("pass the caller's Tx down"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> unitOfWork
                .inTenant(tenant, outer -> unitOfWork.platform(inner -> Uni.createFrom().item("nested")))
                .await().atMost(WAIT));
    }

    @Test
    void unitsOfWorkOneAfterTheOtherAreFine() {
        UUID tenant = UUID.randomUUID();
        String result = unitOfWork.inTenant(tenant, first -> Uni.createFrom().item("first"))
                .chain(first -> unitOfWork.inTenant(tenant, second -> Uni.createFrom().item(first + " then second")))
                .await().atMost(WAIT);
        assertEquals("first then second", result);
    }
}
