package vn.motcua.reception;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("motcua.reception")
record ReceptionSettings(long maxAttachmentBytes, List<String> allowedContentTypes) {}
