package org.civic311.it.support;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Calls the voice webhook as Twilio does: a form POST signed with the account's auth token
 * (HMAC-SHA1 over the full URL and the sorted parameters, in {@code X-Twilio-Signature}).
 */
public final class Voice {
  /** The token the integration tests' deployment is configured with (failsafe environment). */
  public static final String AUTH_TOKEN = "integration-tests-voice-token";

  private Voice() {}

  public static String signature(String token, String url, Map<String, String> form) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A signed POST of {@code form} to {@code base + path} (path may carry a query). */
  public static Response post(
      RequestSpecification request, String base, String path, Map<String, String> form) {
    String url = base + path;
    request
        .header("X-Twilio-Signature", signature(AUTH_TOKEN, url, form))
        .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    form.forEach(request::formParam);
    return request.post(path);
  }
}
