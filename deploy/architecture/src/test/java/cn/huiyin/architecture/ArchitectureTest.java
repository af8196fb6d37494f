package cn.huiyin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The structure Huiyin keeps (docs/adr/0007, the house style), over the main classes of every module:
 * <ol>
 *   <li>no service imports another — they talk through events and keep their own view of each other's;</li>
 *   <li>the platform imports no service;</li>
 *   <li>a service's {@code domain} is plain Java: no Spring, Kafka or MongoDB;</li>
 *   <li>web and messaging adapters reach storage only through {@code application}: no persistence class, no MongoDB
 *       or Spring Data type, and no storage port (an application interface a persistence class implements) — they
 *       call a use case;</li>
 *   <li>the console's pages reach the services only through {@code application} (its ports), never through the
 *       HTTP adapters in {@code remote}.</li>
 * </ol>
 * A new service is added to {@link #SERVICES} with the package it lives in.
 */
@AnalyzeClasses(packages = "cn.huiyin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The services' root packages. */
    static final List<String> SERVICES = List.of("intake", "triage", "jointmeeting", "followup", "dashboard", "identity",
        "notifications", "console");

    private static final String[] FRAMEWORKS = {"org.springframework..", "org.apache.kafka..", "com.mongodb..",
        "org.bson.."};
    private static final String[] STORAGE = {"org.springframework.data..", "com.mongodb..", "org.bson.."};

    /** Interfaces of an {@code application} package that a {@code persistence} class implements: repositories. */
    static final DescribedPredicate<JavaClass> STORAGE_PORTS = DescribedPredicate.describe(
        "storage ports (application interfaces implemented in persistence)",
        type -> type.isInterface() && type.getPackageName().contains(".application")
            && type.getSubclasses().stream().anyMatch(impl -> impl.getPackageName().contains(".persistence")));

    @ArchTest
    static final ArchRule noServiceImportsAnother = CompositeArchRule.of(SERVICES.stream()
        .map(service -> noClasses().that().resideInAPackage(root(service))
            .should().dependOnClassesThat().resideInAnyPackage(others(service))
            .because("services talk through events, each keeping its own view of the others' (ADR 0004)"))
        .toList());

    @ArchTest
    static final ArchRule thePlatformImportsNoService = noClasses().that().resideInAPackage("cn.huiyin.platform..")
        .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream().map(ArchitectureTest::root)
            .toArray(String[]::new))
        .because("every service builds on the platform, never the other way round");

    @ArchTest
    static final ArchRule domainsArePlainJava = noClasses().that().resideInAnyPackage(layer("domain"))
        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
        .because("a domain holds the rules, which must not depend on how they are stored, sent or served");

    @ArchTest
    static final ArchRule adaptersReachStorageThroughUseCases = noClasses()
        .that().resideInAnyPackage(adapters())
        .should().dependOnClassesThat().resideInAnyPackage(layer("persistence"))
        .orShould().dependOnClassesThat().resideInAnyPackage(STORAGE)
        .orShould().dependOnClassesThat(STORAGE_PORTS)
        .because("a controller or consumer calls one use case in application, which decides what is read and "
            + "stored; it never reaches a repository itself");

    @ArchTest
    static final ArchRule consolePagesCallServicesThroughThePort = noClasses()
        .that().resideInAPackage("cn.huiyin.console.web..")
        .should().dependOnClassesThat().resideInAPackage("cn.huiyin.console.remote..")
        .because("a page asks the application's Services port; time-outs, circuit breakers and the relayed token "
            + "live in one adapter behind it (ADR 0027)");

    private static String root(String service) {
        return "cn.huiyin." + service + "..";
    }

    private static String[] others(String service) {
        return SERVICES.stream().filter(other -> !other.equals(service)).map(ArchitectureTest::root)
            .toArray(String[]::new);
    }

    private static String[] layer(String layer) {
        return SERVICES.stream().map(service -> "cn.huiyin." + service + "." + layer + "..").toArray(String[]::new);
    }

    /** Web and messaging adapters; intake's Open311 endpoints are a web adapter of their own. */
    private static String[] adapters() {
        List<String> packages = new ArrayList<>(Arrays.asList(layer("web")));
        packages.addAll(Arrays.asList(layer("messaging")));
        packages.add("cn.huiyin.intake.open311..");
        return packages.toArray(String[]::new);
    }
}
