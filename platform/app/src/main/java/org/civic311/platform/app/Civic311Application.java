package org.civic311.platform.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The one JAX-RS application of the deployment. Resource paths carry their full prefix ({@code
 * api/v1/...}, {@code open311/v2/...}) as the contracts fix them.
 */
@ApplicationPath("/")
public class Civic311Application extends Application {}
