package org.civic311.platform.request.application;

/**
 * The service code is not one the caller may report in this city: unknown, withdrawn, or for staff
 * only. A rule refusal like any other ({@code service_code: ...}); Open311 answers it with 404.
 */
public class UnknownServiceCode extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnknownServiceCode(String code) {
    super("service_code: '" + code + "' is not in this city's catalogue");
  }
}
