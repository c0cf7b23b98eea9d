package org.civic311.platform.routing.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A telephone number in E.164 ({@code +14033203001}), normalised with libphonenumber from what a
 * person typed ({@code 403-320-3001}) in the city's region.
 */
public record PhoneNumber(String e164) {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  public PhoneNumber {
    if (e164 == null || !e164.matches("\\+[1-9]\\d{6,14}")) {
      throw new IllegalArgumentException("number: '" + e164 + "' is not an E.164 number");
    }
  }

  /**
   * @throws IllegalArgumentException ({@code field: ...}) when {@code text} is not a valid number
   *     in {@code region} (an ISO 3166 code such as {@code CA})
   */
  public static PhoneNumber parse(String field, String text, String region) {
    try {
      Phonenumber.PhoneNumber number = UTIL.parse(text == null ? "" : text, region);
      if (!UTIL.isValidNumber(number)) {
        throw new IllegalArgumentException(field + ": '" + text + "' is not a valid phone number");
      }
      return new PhoneNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      throw new IllegalArgumentException(field + ": '" + text + "' is not a phone number");
    }
  }

  /** As people of its country write it: {@code (403) 320-3001}. */
  public String national() {
    try {
      return UTIL.format(UTIL.parse(e164, null), PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
    } catch (NumberParseException e) {
      return e164;
    }
  }

  @Override
  public String toString() {
    return e164;
  }
}
