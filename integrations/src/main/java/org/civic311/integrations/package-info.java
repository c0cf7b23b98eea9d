/**
 * Department integrations: Apache Camel routes that hand service requests to each department's
 * system and bring status back (the integrations issue builds them).
 */
package org.civic311.integrations;
