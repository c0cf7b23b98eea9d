/**
 * Administration. {@code admin.city}: a city administrator's console, always the caller's own city.
 * {@code admin.provider}: the operator's console, the only code allowed to act across cities.
 */
package org.civic311.admin;
