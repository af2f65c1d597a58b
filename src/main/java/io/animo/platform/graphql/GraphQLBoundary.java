package io.animo.platform.graphql;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Put on every {@code @GraphQLApi} class: whatever fails inside a resolver reaches the client as an
 * {@link ApiException} with a stable code, never as an exception class name or stack trace.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface GraphQLBoundary {
}
