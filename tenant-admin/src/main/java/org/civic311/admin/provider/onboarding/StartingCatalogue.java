package org.civic311.admin.provider.onboarding;

import java.net.URI;
import java.util.List;
import org.civic311.platform.catalogue.application.CatalogueImport;

/**
 * The catalogue a new city starts with, made ready before the onboarding's transaction (ADR 0019):
 * {@code template} and {@code none} need nothing; a {@code csv} file is read and checked row by row
 * ({@code rows}); an {@code open311} import has its checked address ({@code url}) and, once read,
 * its {@code services}. Nothing of the network happens inside the transaction.
 */
public record StartingCatalogue(
    String kind,
    List<CatalogueImport.Row> rows,
    URI url,
    String jurisdictionId,
    List<Open311Import.Service> services) {

  static StartingCatalogue of(String kind) {
    return new StartingCatalogue(kind, List.of(), null, null, null);
  }

  StartingCatalogue withServices(List<Open311Import.Service> read) {
    return new StartingCatalogue(kind, rows, url, jurisdictionId, List.copyOf(read));
  }

  /** Whether the Open311 services still have to be read. */
  boolean unread() {
    return kind.equals("open311") && services == null;
  }
}
