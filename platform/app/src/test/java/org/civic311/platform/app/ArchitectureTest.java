package org.civic311.platform.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.platform.shared.application.CurrentTenant;
import org.civic311.platform.shared.domain.TenantOwned;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house style's dependency rules, over the production classes of every module: layers point one
 * way, contexts meet only through application services (or the shared kernel), modules do not reach
 * into each other, and only the operator's code acts across cities.
 */
class ArchitectureTest {
  private static final Pattern CONTEXT =
      Pattern.compile("org\\.civic311\\.platform\\.(\\w+)\\.(\\w+).*");

  /** Global entities: visible at a glance here, and nowhere else. */
  private static final Set<String> GLOBAL_ENTITIES =
      Set.of(
          "org.civic311.platform.tenancy.domain.Tenant",
          "org.civic311.platform.tenancy.domain.PhoneNumberClaim",
          "org.civic311.platform.tenancy.domain.OperatorAuditEntry");

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.civic311");
  }

  @Test
  void allModulesWereImported() {
    org.assertj.core.api.Assertions.assertThat(
            classes.contain("org.civic311.admin.provider.demo.DemoSeeder"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(
            classes.contain("org.civic311.platform.request.domain.ServiceRequest"))
        .isTrue();
  }

  @Test
  void domainDependsOnNothingOutsideTheDomain() {
    noClasses()
        .that()
        .resideInAPackage("org.civic311.platform..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..application..",
            "..infrastructure..",
            "..api..",
            "jakarta.ws.rs..",
            "org.civic311.admin..",
            "org.civic311.integrations..")
        .check(classes);
  }

  @Test
  void applicationDependsNeitherOnTheEdgeNorOnInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("org.civic311.platform..application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.civic311.platform..api..",
            "org.civic311.platform..infrastructure..",
            "jakarta.ws.rs..")
        .check(classes);
  }

  @Test
  void theEdgeNeverTouchesTheEntityManagerOrInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("org.civic311.platform..api..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(EntityManager.class)
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("org.civic311.platform..infrastructure..")
        .check(classes);
  }

  @Test
  void contextsMeetOnlyThroughApplicationServicesOrTheSharedKernel() {
    classes()
        .that()
        .resideInAPackage("org.civic311.platform..")
        .should(
            new ArchCondition<JavaClass>(
                "reach other contexts only through their application layer") {
              @Override
              public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> from = context(origin.getName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                  String target = d.getTargetClass().getName();
                  Optional<String> to = context(target);
                  if (from.isEmpty()
                      || to.isEmpty()
                      || to.get().equals(from.get())
                      || to.get().equals("shared")
                      || to.get().equals("app")) {
                    continue;
                  }
                  boolean viaApplication =
                      target.startsWith("org.civic311.platform." + to.get() + ".application.");
                  if (!viaApplication) {
                    events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                  }
                }
              }
            })
        .check(classes);
  }

  @Test
  void modulesDependOneWay() {
    noClasses()
        .that()
        .resideInAPackage("org.civic311.platform..")
        .and()
        .resideOutsideOfPackage("org.civic311.platform.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.civic311.admin..", "org.civic311.integrations..", "org.civic311.platform.app..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.civic311.admin..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.civic311.integrations..",
            "org.civic311.platform..infrastructure..",
            "org.civic311.platform..domain..")
        .orShould()
        // the consoles are edges too: they share the edge kit (Problem, Caller) but no context's
        // resources
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("org.civic311.platform..api..")
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.resideInAPackage(
                            "org.civic311.platform.shared.api.."))))
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.civic311.integrations..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.civic311.admin..")
        .allowEmptyShould(true) // no integration code yet; the rule holds from its first class
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.civic311.admin.city..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.civic311.admin.provider..")
        .check(classes);
  }

  @Test
  void onlyTheOperatorsCodeAndTheCityFilterChooseTheCity() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.civic311.admin.provider..",
            "org.civic311.platform.tenancy.api..",
            "org.civic311.platform.shared.application..")
        // like the outbox dispatcher, these read a global queue of pointers (the Open311 polls)
        // or visit every city for the operator's gauges, and act as each city in turn (ADR 0020)
        .and()
        .doNotHaveFullyQualifiedName("org.civic311.integrations.connector.open311.Open311Polling")
        .and()
        .doNotHaveFullyQualifiedName("org.civic311.integrations.dispatch.IntegrationMetrics")
        .should()
        .callMethodWhere(
            new DescribedPredicate<JavaAccess<?>>("CurrentTenant.callAs or runAs") {
              @Override
              public boolean test(JavaAccess<?> access) {
                return access.getTargetOwner().isEquivalentTo(CurrentTenant.class)
                    && (access.getName().equals("callAs") || access.getName().equals("runAs"));
              }
            })
        .check(classes);
  }

  @Test
  void everyEntityIsTenantOwnedUnlessDeclaredGlobal() {
    classes()
        .that()
        .areAnnotatedWith(Entity.class)
        .should(
            new ArchCondition<JavaClass>("extend TenantOwned or be listed as global") {
              @Override
              public void check(JavaClass entity, ConditionEvents events) {
                boolean owned = entity.isAssignableTo(TenantOwned.class);
                boolean global = GLOBAL_ENTITIES.contains(entity.getName());
                if (owned == global) {
                  events.add(
                      SimpleConditionEvent.violated(
                          entity,
                          entity.getName()
                              + (owned
                                  ? " is tenant-owned but listed as global"
                                  : " is neither TenantOwned nor listed as global")));
                }
              }
            })
        .check(classes);
  }

  @Test
  void everyEndpointDeclaresWhoMayCallIt() {
    // CityAccessFilter refuses an endpoint that declares nothing; this says so before deployment.
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
        .that()
        .areAnnotatedWith(jakarta.ws.rs.GET.class)
        .or()
        .areAnnotatedWith(jakarta.ws.rs.POST.class)
        .or()
        .areAnnotatedWith(jakarta.ws.rs.PUT.class)
        .or()
        .areAnnotatedWith(jakarta.ws.rs.PATCH.class)
        .or()
        .areAnnotatedWith(jakarta.ws.rs.DELETE.class)
        .should(
            new ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>(
                "declare @PermitAll or @RolesAllowed, on the method or its class") {
              @Override
              public void check(
                  com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
                boolean declared =
                    Set.of(method, method.getOwner()).stream()
                        .anyMatch(
                            e ->
                                e.isAnnotatedWith(jakarta.annotation.security.PermitAll.class)
                                    || e.isAnnotatedWith(
                                        jakarta.annotation.security.RolesAllowed.class));
                if (!declared) {
                  events.add(
                      SimpleConditionEvent.violated(
                          method, method.getFullName() + " does not say who may call it"));
                }
              }
            })
        .check(classes);
  }

  private static Optional<String> context(String className) {
    Matcher m = CONTEXT.matcher(className);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
