package org.civic311.platform.request.application;

import java.time.LocalDate;
import java.util.Set;

/**
 * A staff search as the edge received it; the service checks each criterion and names the wrong
 * one.
 *
 * @param number the whole number or its first characters (at least 8)
 * @param text words of the description or the address
 * @param statuses detailed statuses ({@code in_progress}); empty for any
 * @param stages the resident's stages ({@code received}, {@code in_progress}, {@code resolved})
 * @param from the first day (city time), inclusive
 * @param to the last day (city time), inclusive
 * @param assigned {@code me}, {@code none} or a user name; null for anyone
 * @param open only open requests
 * @param page from 1
 * @param pageSize 1 to 100
 */
public record FindRequests(
    String number,
    String text,
    Set<String> statuses,
    Set<String> stages,
    String category,
    String department,
    LocalDate from,
    LocalDate to,
    String assigned,
    boolean open,
    int page,
    int pageSize) {}
