package org.civic311.platform.catalogue.application;

import java.util.List;

/** A catalogue file with wrong rows: each named by its line. Nothing was imported. */
public class CatalogueImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public CatalogueImportException(List<String> problems) {
    super(problems.size() + " rows are wrong; nothing was imported", null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
