package io.animo.member.domain;

import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;

/**
 * What a member who left a community and joins again still carries there: the sanctions in force set their
 * standing before the new membership is stored. The sanction feature answers it; members never import sanctions.
 */
public interface StandingOnReturn {

    Uni<Void> restore(Tx tx, MembershipEntity membership);
}
