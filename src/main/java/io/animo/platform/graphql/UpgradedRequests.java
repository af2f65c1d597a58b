package io.animo.platform.graphql;

import java.lang.reflect.Method;

import org.jboss.logging.Logger;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpServerRequest;

/**
 * Quarkus's graceful shutdown counts an HTTP request as in flight until its response ends, and the response
 * of a request upgraded to a WebSocket never ends: every socket ever opened would make each shutdown wait
 * its whole {@code quarkus.shutdown.timeout}. Once a socket is closed, its upgrade request is marked done
 * here. {@link QuarkusRequestWrapper} has no public way to do it, hence the one reflective call; should a
 * Quarkus upgrade remove it, shutdown only waits its timeout again ({@code ShutdownIT} would say so).
 */
@RegisterForReflection(targets = QuarkusRequestWrapper.class, methods = true, fields = false)
final class UpgradedRequests {

    private static final Logger LOG = Logger.getLogger(UpgradedRequests.class);
    private static final Method DONE = doneMethod();

    private UpgradedRequests() {
    }

    /** The handle to mark {@code request} done later: call it once the socket it became is closed. */
    static Runnable doneHandle(HttpServerRequest request) {
        if (DONE == null) {
            return () -> {
            };
        }
        QuarkusRequestWrapper wrapper;
        try {
            wrapper = QuarkusRequestWrapper.get(request);
        } catch (RuntimeException notWrapped) {
            return () -> {
            };
        }
        return () -> {
            try {
                DONE.invoke(wrapper);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debugf("Could not mark an upgraded request done: %s", e.getMessage());
            }
        };
    }

    private static Method doneMethod() {
        try {
            Method done = QuarkusRequestWrapper.class.getDeclaredMethod("done");
            done.setAccessible(true);
            return done;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Graceful shutdown will wait for closed WebSockets until its timeout: %s", e.getMessage());
            return null;
        }
    }
}
