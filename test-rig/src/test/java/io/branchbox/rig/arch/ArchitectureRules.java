package io.branchbox.rig.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The layering rules of docs/ARCHITECTURE.md, written once: {@link ArchitectureTest} checks the
 * product's classes against them and checks that the document's rule table is exactly
 * {@link #markdownTable()}, so the two cannot drift apart.
 *
 * <p>Package patterns are ArchUnit's ({@code ..} = any sub-package). A rule is broken by any
 * dependency in the byte code: an import, a field, a parameter, a call, a constant's owner.
 * Javadoc links are not dependencies.
 */
final class ArchitectureRules {
    /**
     * One forbidden dependency: no class in {@code from} (outside {@code except}) may depend on a
     * class in {@code to}. A {@code to} entry ending in {@code ..} is a package pattern, any other
     * a class's fully qualified name.
     */
    record Forbidden(String name, String from, List<String> except, List<String> to, String why) {
        ArchRule rule() {
            var that = noClasses().that().resideInAPackage(from);
            for (String e : except) {
                that = that.and().resideOutsideOfPackage(e);
            }
            return that.should().dependOnClassesThat(target()).because(why);
        }

        private DescribedPredicate<JavaClass> target() {
            String[] packages = to.stream().filter(t -> t.endsWith("..")).toArray(String[]::new);
            List<String> classes = to.stream().filter(t -> !t.endsWith("..")).toList();
            return JavaClass.Predicates.resideInAnyPackage(packages)
                    .or(DescribedPredicate.describe("one of " + classes, c -> classes.contains(c.getName())));
        }
    }

    static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden("drivers → firmware", "io.branchbox.drivers..", List.of(),
                    List.of("io.branchbox.firmware..", "io.branchbox.admin..", "io.branchbox.box.."),
                    "drivers knows the CB-1 board and the GPIO pins, nothing of calls or of the box above it"),
            new Forbidden("isdn → trunk, call", "io.branchbox.firmware.isdn..", List.of(),
                    List.of("io.branchbox.firmware.trunk..", "io.branchbox.firmware.call.."),
                    "LAPD and Q.931 are protocols; the trunk adapts them to call control, never the other way round"),
            new Forbidden("trunk → store", "io.branchbox.firmware.trunk..", List.of(),
                    List.of("io.branchbox.firmware.store.."),
                    "trunks journal with the journal's vocabulary (journal.CallEventTypes), never through the database"),
            new Forbidden("call → drivers", "io.branchbox.firmware.call..", List.of(),
                    List.of("io.branchbox.drivers.."),
                    "call control reaches the board only through call.CallControlPorts"),
            new Forbidden("anything → test-rig", "io.branchbox..", List.of("io.branchbox.rig.."),
                    List.of("io.branchbox.rig.."),
                    "the simulators stand in for the world in tests; the product never depends on them"),
            new Forbidden("main code → ManualScheduler", "io.branchbox..", List.of(),
                    List.of("io.branchbox.time.ManualScheduler"),
                    "virtual time is for tests: it lives in drivers' test jar, the box runs on ExecutorScheduler"));

    static ArchRule rule(Forbidden f) {
        return f.rule();
    }

    /**
     * A subsystem is the package right under a module's root ({@code io.branchbox.firmware.call},
     * {@code io.branchbox.admin.web}, {@code io.branchbox.drivers.cb1}) with its sub-packages; a
     * module root's own classes ({@code io.branchbox.box}, {@code io.branchbox.time},
     * {@code io.branchbox.provisioning}) are one subsystem. Sub-packages of one subsystem
     * ({@code qa.sample} and {@code qa}) may refer to each other.
     */
    static final SliceAssignment SUBSYSTEMS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (!p.startsWith("io.branchbox.")) {
                return SliceIdentifier.ignore();
            }
            String[] parts = p.substring("io.branchbox.".length()).split("\\.");
            return parts.length >= 2 ? SliceIdentifier.of(parts[0] + "." + parts[1]) : SliceIdentifier.of(parts[0]);
        }

        @Override
        public String getDescription() {
            return "subsystems (io.branchbox.<module>.<subsystem>)";
        }
    };

    static final String CYCLES = "no cycle between subsystems";

    static ArchRule noCycles() {
        return SlicesRuleDefinition.slices().assignedFrom(SUBSYSTEMS).should().beFreeOfCycles()
                .because("a subsystem is understood, tested and replaced on its own only if its dependencies run one way");
    }

    static List<ArchRule> all() {
        List<ArchRule> rules = new ArrayList<>();
        FORBIDDEN.forEach(f -> rules.add(rule(f)));
        rules.add(noCycles());
        return rules;
    }

    /** The product's main classes: every module's, without test classes or test jars. */
    static JavaClasses productClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureRules::notATestJar)
                .importPackages("io.branchbox");
    }

    static boolean notATestJar(Location location) {
        return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }

    /** The rule table of docs/ARCHITECTURE.md, exactly. */
    static String markdownTable() {
        StringBuilder b = new StringBuilder("| forbidden | from | to | why |\n|---|---|---|---|\n");
        for (Forbidden f : FORBIDDEN) {
            String to = String.join(", ", f.to().stream().map(t -> "`" + t + "`").toList());
            String from = "`" + f.from() + "`" + (f.except().isEmpty() ? ""
                    : " except " + String.join(", ", f.except().stream().map(t -> "`" + t + "`").toList()));
            b.append("| ").append(f.name()).append(" | ").append(from).append(" | ").append(to)
                    .append(" | ").append(f.why()).append(" |\n");
        }
        b.append("| ").append(CYCLES).append(" | every subsystem | every other | ")
                .append(SUBSYSTEMS.getDescription()).append("; sub-packages of one subsystem may refer to each other |\n");
        return b.toString();
    }

    private ArchitectureRules() {}
}
