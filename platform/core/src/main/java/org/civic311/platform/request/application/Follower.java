package org.civic311.platform.request.application;

/**
 * Someone who asked to follow a request by e-mail, carried in the outbox event of the change they
 * made (the submission, or "me too"). {@code confirmed} is true when the address needs no
 * confirmation link (the reporter of the submission itself).
 */
public record Follower(String email, String locale, boolean confirmed) {}
