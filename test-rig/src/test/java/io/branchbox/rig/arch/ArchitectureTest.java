package io.branchbox.rig.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.branchbox.drivers.archfixture.DriverReadsConfig;
import io.branchbox.firmware.archcyclea.CycleA;
import io.branchbox.firmware.archcycleb.CycleB;
import io.branchbox.firmware.archfixture.ProductRunsInVirtualTime;
import io.branchbox.firmware.archfixture.ProductUsesSimulator;
import io.branchbox.firmware.call.archfixture.CallDrivesBoard;
import io.branchbox.firmware.isdn.archfixture.Q931KnowsTrunk;
import io.branchbox.firmware.trunk.archfixture.TrunkWritesDatabase;
import io.branchbox.time.ThreadNames;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of docs/ARCHITECTURE.md (written once in {@link ArchitectureRules}) hold for
 * every module's main code; each rule catches a deliberately bad class of this test's own
 * sources (packages {@code ..archfixture}, {@code ..archcycle*}), so a rule that could never fail
 * is itself a failure; and the document's rule table is the rules' table.
 */
class ArchitectureTest {
    /** Each rule's deliberately bad class, by the rule's name. */
    private static final Map<String, List<Class<?>>> FIXTURES = Map.of(
            "drivers → firmware", List.of(DriverReadsConfig.class),
            "isdn → trunk, call", List.of(Q931KnowsTrunk.class),
            "trunk → store", List.of(TrunkWritesDatabase.class),
            "call → drivers", List.of(CallDrivesBoard.class),
            "anything → test-rig", List.of(ProductUsesSimulator.class),
            "main code → ManualScheduler", List.of(ProductRunsInVirtualTime.class));

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = ArchitectureRules.productClasses();
    }

    @Test
    void theProductKeepsEveryRule() {
        // a sanity floor: an import that found nothing would keep every rule vacuously
        assertTrue(product.size() > 1000, "imported only " + product.size() + " classes");
        assertFalse(product.containPackage("io.branchbox.firmware.archfixture"), "fixtures must not count as product");
        List<String> broken = new ArrayList<>();
        for (var rule : ArchitectureRules.all()) {
            EvaluationResult result = rule.evaluate(product);
            if (result.hasViolation()) {
                broken.add(result.getFailureReport().toString());
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyForbiddenDependencyRuleCatchesItsBadFixture() {
        for (var f : ArchitectureRules.FORBIDDEN) {
            List<Class<?>> bad = FIXTURES.get(f.name());
            assertTrue(bad != null, "no bad fixture for rule " + f.name());
            EvaluationResult result = f.rule().evaluate(new ClassFileImporter().importClasses(bad));
            assertTrue(result.hasViolation(), f.name() + " did not catch " + bad);
            String report = result.getFailureReport().toString();
            assertTrue(report.contains(bad.get(0).getName()), report);
        }
    }

    @Test
    void theCycleRuleCatchesTwoSubsystemsThatNeedEachOther() {
        EvaluationResult result = ArchitectureRules.noCycles()
                .evaluate(new ClassFileImporter().importClasses(CycleA.class, CycleB.class));
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("firmware.archcyclea"), result.getFailureReport().toString());
    }

    @Test
    void theThreadTableNamesEveryThreadOfTheBox() throws Exception {
        String text = Files.readString(Path.of("..", "docs", "ARCHITECTURE.md"));
        List<String> missing = new ArrayList<>();
        for (Field f : ThreadNames.class.getFields()) {
            String name = (String) f.get(null);
            if (Modifier.isStatic(f.getModifiers()) && !text.contains("`" + name)) {
                missing.add(f.getName() + " = " + name);
            }
        }
        assertEquals(List.of(), missing, "thread names missing from docs/ARCHITECTURE.md");
    }

    @Test
    void everyMainPackageSaysItsJobThreadAndImports() throws IOException {
        // javac writes no package-info.class for a Javadoc-only package-info.java: look at the sources
        List<String> without = new ArrayList<>();
        for (String module : List.of("drivers", "firmware", "provisioning", "web-admin", "test-rig")) {
            Path root = Path.of("..", module, "src", "main", "java");
            try (var dirs = Files.walk(root)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    try (var files = Files.list(dir)) {
                        boolean hasJava = files.anyMatch(f -> f.toString().endsWith(".java"));
                        if (hasJava && !Files.exists(dir.resolve("package-info.java"))) {
                            without.add(module + ": " + root.relativize(dir));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), without, "packages without package-info.java (its job, its thread, what it may import)");
    }

    @Test
    void theDocumentListsExactlyTheseRules() throws IOException {
        Path doc = Path.of("..", "docs", "ARCHITECTURE.md");
        String text = Files.readString(doc);
        String begin = "<!-- layering-rules: generated from test-rig/…/arch/ArchitectureRules.java -->\n";
        String end = "<!-- /layering-rules -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, "docs/ARCHITECTURE.md lacks the layering rules block");
        assertEquals(ArchitectureRules.markdownTable(), text.substring(from + begin.length(), to),
                "docs/ARCHITECTURE.md's rule table differs from ArchitectureRules: paste the expected table");
    }
}
