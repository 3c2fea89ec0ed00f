package vn.motcua.reception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.dossier.Attachment;

/** Checks uploaded files by what they are (their first bytes), not by what the client says they are. */
final class Uploads {

    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private Uploads() {}

    /** Reads the files, adding a Vietnamese problem for each one that is empty, too large or of a refused type. */
    static List<Attachment> read(
            Map<String, List<MultipartFile>> byComponent, ReceptionSettings settings, List<String> problems) {
        List<Attachment> attachments = new ArrayList<>();
        byComponent.forEach((component, files) -> {
            for (MultipartFile file : files) {
                String name = file.getOriginalFilename() == null ? component : file.getOriginalFilename();
                byte[] content = bytes(file);
                String type = detectedType(content);
                if (content.length == 0) {
                    problems.add("tệp \"" + name + "\" rỗng");
                } else if (content.length > settings.maxAttachmentBytes()) {
                    problems.add(
                            "tệp \"" + name + "\" vượt quá " + settings.maxAttachmentBytes() / (1024 * 1024) + " MB");
                } else if (type == null || !settings.allowedContentTypes().contains(type)) {
                    problems.add("tệp \"" + name + "\" không phải PDF, JPEG hoặc PNG");
                } else {
                    attachments.add(new Attachment(component, name, type, content));
                }
            }
        });
        return attachments;
    }

    private static String detectedType(byte[] content) {
        return SIGNATURES.entrySet().stream()
                .filter(s -> content.length >= s.getValue().length
                        && Arrays.equals(Arrays.copyOf(content, s.getValue().length), s.getValue()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
