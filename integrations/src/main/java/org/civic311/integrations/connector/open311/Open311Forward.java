package org.civic311.integrations.connector.open311;

/**
 * What an event of an {@code open311} department leads to: nothing (the request was forwarded
 * already: the remote server is now where the work is tracked), a refusal (this city's service code
 * has no remote code), or a {@code POST requests.json} of the form below to {@code url}.
 *
 * @param form the form body, {@code api_key} included (so never logged: see {@link #toString()})
 */
public record Open311Forward(
    boolean alreadyForwarded, String refusal, String url, String requestId, String form) {

  public static Open311Forward forwarded() {
    return new Open311Forward(true, null, null, null, null);
  }

  public static Open311Forward refused(String why) {
    return new Open311Forward(false, why, null, null, null);
  }

  @Override
  public String toString() {
    return "Open311Forward[forwarded="
        + alreadyForwarded
        + ", refusal="
        + refusal
        + ", url="
        + url
        + ", request="
        + requestId
        + "]";
  }
}
