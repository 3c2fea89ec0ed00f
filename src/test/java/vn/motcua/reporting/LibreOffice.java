package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's LibreOffice, headless, converting a file as an official's office suite would open and print it. It is
 * required: .ci/run installs it, and a machine without it fails the test that needs it.
 */
final class LibreOffice {

    static final Path SOFFICE = Path.of("/usr/bin/soffice");

    private LibreOffice() {}

    /** Converts {@code file} to {@code format} (e.g. pdf) next to it and returns the new file. */
    static Path convert(Path file, String format) throws IOException, InterruptedException {
        assertThat(Files.isExecutable(SOFFICE))
                .as("LibreOffice is needed to open the workbook as an office suite does: apt-get install"
                        + " libreoffice-calc-nogui")
                .isTrue();
        Path dir = file.toAbsolutePath().getParent();
        Path profile = Files.createTempDirectory("soffice-profile");
        Process soffice = new ProcessBuilder(
                        SOFFICE.toString(),
                        "-env:UserInstallation=" + profile.toUri(),
                        "--headless",
                        "--convert-to",
                        format,
                        "--outdir",
                        dir.toString(),
                        file.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice-" + format + ".log").toFile())
                .start();
        if (!soffice.waitFor(180, TimeUnit.SECONDS)) {
            soffice.destroyForcibly();
            throw new AssertionError("LibreOffice did not convert " + file + " to " + format + " in 180 s");
        }
        String name = file.getFileName().toString();
        Path converted = dir.resolve(name.substring(0, name.lastIndexOf('.')) + "." + format);
        assertThat(converted)
                .as("LibreOffice's " + format + " (see soffice-" + format + ".log)")
                .exists();
        return converted;
    }
}
