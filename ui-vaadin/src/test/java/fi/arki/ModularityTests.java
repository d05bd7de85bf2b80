package fi.arki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * Checks the module structure and draws it: {@code docs/modules/} holds the PlantUML sources and
 * SVGs (rendered here, offline) that {@code docs/architecture.md} shows.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class, new ProductionClasses());
    static final Path OUTPUT = Path.of("..", "docs", "modules");

    @Test
    void modules_respect_their_boundaries() {
        MODULES.verify();
    }

    /** The check itself works: a module using another module's internal package fails verification. */
    @Test
    void a_deliberate_dependency_on_another_modules_internals_fails_verification() {
        assertThatThrownBy(() -> ApplicationModules.of(fixtures.forbidden.FixtureApplication.class, location -> true).verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Module 'b' depends on non-exposed type fixtures.forbidden.a.internal.ARepository within module 'a'");
    }

    @Test
    void every_module_the_architecture_names_is_detected() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("shared", "tenancy", "directory", "identity", "admin", "ui");
    }

    @Test
    void writes_the_module_documentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.UML))
                .writeIndividualModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.UML))
                .writeModuleCanvases();

        List<Path> diagrams;
        try (Stream<Path> files = Files.list(OUTPUT)) {
            diagrams = files.filter(p -> p.toString().endsWith(".puml")).sorted().toList();
        }
        assertThat(diagrams).extracting(p -> p.getFileName().toString()).contains("components.puml");
        for (Path diagram : diagrams) {
            String source = inStableOrder(Files.readString(diagram));
            Files.writeString(diagram, source);
            Files.writeString(Path.of(diagram.toString().replace(".puml", ".svg")), render(source));
        }
        assertThat(Files.readString(OUTPUT.resolve("components.svg"))).contains("<svg").contains("Tenancy");
        try (Stream<Path> files = Files.list(OUTPUT)) {
            for (Path canvas : files.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                Files.writeString(canvas, canvasInStableOrder(Files.readString(canvas)));
            }
        }
    }

    /** Module canvases list a cell's types and events in hash order too: each list sorted. */
    static String canvasInStableOrder(String source) {
        List<String> lines = new ArrayList<>(source.lines().toList());
        for (int start = 0; start < lines.size(); start++) {
            if (!lines.get(start).startsWith("|* ")) {
                continue;
            }
            int end = start + 1;
            while (end < lines.size() && lines.get(end).startsWith("* ")) {
                end++;
            }
            List<String> items = new ArrayList<>(lines.subList(start, end).stream().map(l -> l.substring(l.indexOf("* ") + 2)).sorted().toList());
            for (int i = 0; i < items.size(); i++) {
                lines.set(start + i, (i == 0 ? "|* " : "* ") + items.get(i));
            }
            start = end - 1;
        }
        return String.join("\n", lines) + "\n";
    }

    /** The Documenter lists modules and relationships in hash order; sorted, the committed files change only when the modules do. */
    static String inStableOrder(String source) {
        List<String> lines = new ArrayList<>(source.lines().toList());
        sortInPlace(lines, line -> line.contains(" --> "));
        sortInPlace(lines, line -> line.stripLeading().startsWith("component "));
        return String.join("\n", lines) + "\n";
    }

    private static void sortInPlace(List<String> lines, java.util.function.Predicate<String> group) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (group.test(lines.get(i))) {
                at.add(i);
            }
        }
        List<String> sorted = at.stream().map(lines::get).sorted().toList();
        for (int i = 0; i < at.size(); i++) {
            lines.set(at.get(i), sorted.get(i));
        }
    }

    /** PlantUML's own layout engine (Smetana), so no Graphviz is needed on the machine. */
    private static String render(String source) throws IOException {
        String withPragma = source.replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        new SourceStringReader(withPragma).outputImage(svg, new FileFormatOption(FileFormat.SVG));
        return svg.toString(StandardCharsets.UTF_8);
    }
}
