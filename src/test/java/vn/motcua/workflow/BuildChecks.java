package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The build's checks of a model file outside bpmn/: the deployment checks and bpmnlint with the house rules. */
final class BuildChecks {

    static final Set<String> BEANS = Set.of("handoffs", "stepDue", "resultSignature", "runtimeService");

    private BuildChecks() {}

    record Lint(int exit, String output) {}

    /** Writes the model where a designer would save it. */
    static Path save(Path file, String xml) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, xml);
    }

    /** What a staging deployment refuses ({@link DeploymentChecks}), with no department groups and the build's forms. */
    static List<String> deploymentProblems(Path file) throws Exception {
        return DeploymentChecks.problems(
                file.toString(),
                Files.readAllBytes(file),
                group -> false,
                DeploymentChecksTests.formIds(),
                BEANS::contains);
    }

    /** The build's bpmnlint (npm run lint:bpmn, .bpmnlintrc) on one file; no npx or no bpmnlint fails the test. */
    static Lint bpmnlint(Path file) throws Exception {
        Process lint = new ProcessBuilder(
                        "npx", "--no", "bpmnlint", file.toAbsolutePath().toString())
                .directory(new File("src/main/portal"))
                .redirectErrorStream(true)
                .start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("bpmnlint ends").isTrue();
        return new Lint(lint.exitValue(), output.strip());
    }
}
