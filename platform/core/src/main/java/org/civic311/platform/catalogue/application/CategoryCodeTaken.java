package org.civic311.platform.catalogue.application;

/** A category was to be created under a code the city already uses; nothing was changed. */
public class CategoryCodeTaken extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public CategoryCodeTaken(String code) {
    super("code: '" + code + "' is already in this city's catalogue; edit it instead");
  }
}
