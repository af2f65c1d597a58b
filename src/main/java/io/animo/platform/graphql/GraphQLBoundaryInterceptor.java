package io.animo.platform.graphql;

import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLBoundary
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class GraphQLBoundaryInterceptor {

    private static final Logger LOG = Logger.getLogger(GraphQLBoundaryInterceptor.class);

    @AroundInvoke
    Object translateFailures(InvocationContext context) throws Exception {
        String operation = context.getMethod().getName();
        Object result;
        try {
            result = context.proceed();
        } catch (Exception e) {
            throw toApi(operation, e);
        }
        if (result instanceof Uni<?> uni) {
            return uni.onFailure().transform(failure -> toApi(operation, failure));
        }
        if (result instanceof Multi<?> multi) {
            return multi.onFailure().transform(failure -> toApi(operation, failure));
        }
        return result;
    }

    /** The error a client may see for {@code failure}: itself when it is one, otherwise its public kind (logged). */
    public static ApiException toApi(String operation, Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure.getCause() instanceof ApiException api) {
            return api;
        }
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException) {
            return new UnauthenticatedException();
        }
        if (failure instanceof io.quarkus.security.ForbiddenException) {
            return new ForbiddenException("You are not allowed to do this.");
        }
        String away = Unavailability.of(failure);
        if (away != null) {
            LOG.warnf("%s failed: %s is unavailable (%s)", operation, away, failure.getMessage());
            return new ServiceUnavailableException(away + " is unavailable for a moment. Try again shortly.");
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure in %s (error id %s)", operation, errorId);
        return new InternalException();
    }
}
