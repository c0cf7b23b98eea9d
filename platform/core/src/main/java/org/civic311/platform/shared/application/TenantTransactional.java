package org.civic311.platform.shared.application;

import jakarta.interceptor.InterceptorBinding;
import jakarta.transaction.Transactional;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JTA transaction bound to the {@link CurrentTenant}: EclipseLink's tenant discriminator and
 * PostgreSQL's {@code app.tenant_id} are both set before the method body runs, and the database
 * setting ends with the transaction. Every application service method that touches tenant-owned
 * data carries this annotation.
 */
@Inherited
@InterceptorBinding
@Transactional
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantTransactional {}
