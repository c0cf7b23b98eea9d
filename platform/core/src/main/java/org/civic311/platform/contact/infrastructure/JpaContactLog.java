package org.civic311.platform.contact.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import org.civic311.platform.contact.domain.Contact;
import org.civic311.platform.contact.domain.ContactLog;

/** The contact log in PostgreSQL (the city is added to every query by the tenant discriminator). */
@ApplicationScoped
public class JpaContactLog implements ContactLog {
  @Inject EntityManager em;

  @Override
  public void add(Contact contact) {
    em.persist(contact);
  }

  @Override
  public List<Contact> byCaller(String e164, OffsetDateTime since, int limit) {
    return em.createQuery(
            "select c from Contact c where c.callerPhone = :phone and c.at >= :since"
                + " order by c.at desc",
            Contact.class)
        .setParameter("phone", e164)
        .setParameter("since", since)
        .setMaxResults(limit)
        .getResultList();
  }
}
