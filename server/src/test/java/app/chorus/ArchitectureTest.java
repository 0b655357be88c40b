package app.chorus;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The layering the design promises: web frameworks stay in the transport layer, features never
 * reach up into transport, and feature code takes the time from an injected {@link InstantSource}
 * so it can be tested with a fixed clock.
 */
@AnalyzeClasses(packages = "app.chorus", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> COMPOSITION_ROOT =
            type(Chorus.class).or(type(Main.class)).as("the composition root (Chorus, Main)");

    private static final DescribedPredicate<JavaClass> TRANSPORT =
            resideInAPackage("app.chorus.transport..").as("in the transport layer");

    @ArchTest
    static final ArchRule web_frameworks_are_used_only_by_the_transport_layer = noClasses()
            .that(not(TRANSPORT)).and(not(COMPOSITION_ROOT))
            .should().dependOnClassesThat(resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet.."))
            .because("only transport may know about Javalin, Jetty and servlets");

    @ArchTest
    static final ArchRule feature_packages_do_not_depend_on_transport = noClasses()
            .that().resideInAnyPackage("app.chorus.rooms..", "app.chorus.config..", "app.chorus.persistence..",
                    "app.chorus.accounts..")
            .should().dependOnClassesThat().resideInAPackage("app.chorus.transport..")
            .because("transport depends on features, never the other way round");

    @ArchTest
    static final ArchRule only_transport_reads_the_system_clock = noClasses()
            .that(not(TRANSPORT))
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .because("feature code takes the time from an injected InstantSource");

    @ArchTest
    static final ArchRule only_the_composition_root_picks_the_system_clock = noClasses()
            .that(not(COMPOSITION_ROOT))
            .should().callMethodWhere(systemInstantSource())
            .because("the system clock is chosen once, in Chorus, and injected everywhere else");

    private static DescribedPredicate<JavaCall<?>> systemInstantSource() {
        return DescribedPredicate.describe("InstantSource.system()", call ->
                call.getTarget().getName().equals("system") && call.getTargetOwner().isEquivalentTo(InstantSource.class));
    }
}
