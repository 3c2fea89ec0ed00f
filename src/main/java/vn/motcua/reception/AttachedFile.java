package vn.motcua.reception;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.dossier.Attachment;

/** A file that came inside another system's message, read by the filing checks like an uploaded part. */
record AttachedFile(Attachment attachment) implements MultipartFile {

    @Override
    public String getName() {
        return attachment.componentCode();
    }

    @Override
    public String getOriginalFilename() {
        return attachment.fileName();
    }

    @Override
    public String getContentType() {
        return attachment.contentType();
    }

    @Override
    public boolean isEmpty() {
        return attachment.content().length == 0;
    }

    @Override
    public long getSize() {
        return attachment.content().length;
    }

    @Override
    public byte[] getBytes() {
        return attachment.content().clone();
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(attachment.content());
    }

    @Override
    public void transferTo(File destination) throws IOException {
        Files.write(destination.toPath(), attachment.content());
    }
}
