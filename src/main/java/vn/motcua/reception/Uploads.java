package vn.motcua.reception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.api.Problems;
import vn.motcua.api.TextRules;
import vn.motcua.dossier.Attachment;

/** Checks uploaded files by what they are (their first bytes), not by what the client says they are. */
final class Uploads {

    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private Uploads() {}

    private static final TextRules.Label FILE_NAME = new TextRules.Label("Tên tệp", "File name");

    /** Reads the files, adding a problem for each one that is empty, too large, of a refused type or badly named. */
    static List<Attachment> read(
            Map<String, List<MultipartFile>> byComponent, ReceptionSettings settings, Problems problems) {
        List<Attachment> attachments = new ArrayList<>();
        byComponent.forEach((component, files) -> {
            for (MultipartFile file : files) {
                String name = file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank()
                        ? component
                        : file.getOriginalFilename();
                if (!nameFits(name, problems)) {
                    continue;
                }
                byte[] content = bytes(file);
                String type = detectedType(content);
                if (content.length == 0) {
                    problems.add("tệp \"" + name + "\" rỗng", "the file \"" + name + "\" is empty");
                } else if (content.length > settings.maxAttachmentBytes()) {
                    long mb = settings.maxAttachmentBytes() / (1024 * 1024);
                    problems.add(
                            "tệp \"" + name + "\" vượt quá " + mb + " MB",
                            "the file \"" + name + "\" is larger than " + mb + " MB");
                } else if (type == null || !settings.allowedContentTypes().contains(type)) {
                    problems.add(
                            "tệp \"" + name + "\" không phải PDF, JPEG hoặc PNG",
                            "the file \"" + name + "\" is not a PDF, JPEG or PNG");
                } else {
                    attachments.add(new Attachment(component, name, type, content));
                }
            }
        });
        return attachments;
    }

    /** A file's own name, no folder: a path (../../etc/passwd, C:\\Users\\…) is refused, not stored or cut. */
    private static boolean nameFits(String name, Problems problems) {
        Problems own = new Problems();
        TextRules.line(FILE_NAME, name, TextRules.FILE_NAME_MAX, own);
        if (own.isEmpty() && (name.contains("/") || name.contains("\\") || name.startsWith("."))) {
            own.add(
                    "\"Tên tệp\" chỉ là tên của tệp, không có thư mục và không bắt đầu bằng dấu chấm (đang là \"" + name
                            + "\")",
                    "the \"File name\" is the file's own name, with no folder and not starting with a dot (it is \""
                            + name + "\")");
        }
        if (own.isEmpty()) {
            return true;
        }
        own.copyTo(problems);
        return false;
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
