package org.civic311.admin.provider.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civic311.platform.routing.application.PhoneRoutingDocument;
import org.civic311.platform.routing.application.PhoneRoutingService;
import org.civic311.platform.tenancy.application.CityProfile;
import org.civic311.platform.tenancy.application.PhoneDirectory;

/**
 * A city's first phone lines, set by the operator's side (onboarding, the demo seed): the numbers
 * of the entry points are assigned to the city in the global directory, then the entry points
 * become its phone routing, checked as an administrator's routing is. Runs as the current city,
 * inside the caller's transaction.
 */
@ApplicationScoped
public class PhoneLines {
  @Inject PhoneRoutingService routing;
  @Inject PhoneDirectory phones;

  /**
   * @return the numbers assigned, in E.164
   * @throws IllegalArgumentException naming the entry and field ({@code entry_points[0].number:
   *     ...}), or {@code numbers: ...} for a number another city has
   */
  public List<String> set(CityProfile city, PhoneRoutingDocument document, String actor) {
    List<PhoneRoutingDocument.Entry> entries = document.entryPoints();
    Set<String> numbers = new TreeSet<>();
    for (int i = 0; i < entries.size(); i++) {
      PhoneRoutingDocument.Entry e = entries.get(i);
      if (e == null || e.number() == null) {
        throw new IllegalArgumentException("entry_points[" + i + "].number: is required");
      }
      numbers.add(routing.normalise("entry_points[" + i + "].number", e.number()));
    }
    List<String> assigned = phones.assign(city.id(), numbers);
    routing.replace(document, actor);
    return assigned;
  }
}
