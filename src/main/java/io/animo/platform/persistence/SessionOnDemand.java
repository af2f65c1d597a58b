package io.animo.platform.persistence;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.orm.PersistenceUnit;
import io.quarkus.hibernate.reactive.panache.common.WithSessionOnDemand;
import io.quarkus.hibernate.reactive.panache.common.runtime.SessionOperations;
import io.smallrye.mutiny.Uni;

/**
 * The Hibernate Reactive session of a unit of work, opened only if the work uses one. The hot paths (reading a
 * page, posting a message) speak SQL and never do: opening, flushing and closing a session for them cost about
 * 7 % of a post's CPU, more of a list's. Work that does use Panache gets a session on its first use; it is flushed once
 * the work succeeds, before the unit commits, as a Hibernate transaction would, and closed afterwards. Inside a
 * unit, Hibernate's begin and commit are no-ops anyway ({@link SharedConnection}).
 */
@ApplicationScoped
public class SessionOnDemand {

    @WithSessionOnDemand
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return work.get().call(SessionOnDemand::flushIfOpened);
    }

    private static Uni<Void> flushIfOpened() {
        Mutiny.Session session = SessionOperations.getCurrentSession(PersistenceUnit.DEFAULT);
        return session == null ? Uni.createFrom().voidItem() : session.flush();
    }
}
