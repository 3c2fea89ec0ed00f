package vn.motcua.signing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.api.UserError;
import vn.motcua.signing.SigningCertificate.HolderKind;

/**
 * Registers, at startup, the certificate of each signer whose configuration names its holder
 * ({@code motcua.signing.signers.<id>.person} or {@code .organisation}), unless it is registered already: the demo and
 * the tests start with their certificates in place, and an installation may keep its holders in configuration.
 */
@Component
class CertificatesFromConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CertificatesFromConfiguration.class);

    private final SigningSettings settings;
    private final SigningCertificates certificates;

    CertificatesFromConfiguration(SigningSettings settings, SigningCertificates certificates) {
        this.settings = settings;
        this.certificates = certificates;
        settings.signers().forEach(CertificatesFromConfiguration::holder); // a wrong setting stops the startup
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        settings.signers().forEach((id, signer) -> {
            HolderKind kind = holder(id, signer);
            if (kind == null) {
                return;
            }
            String holder = kind == HolderKind.PERSON ? signer.person() : signer.organisation();
            try {
                certificates
                        .registerFromConfiguration(kind, holder, id)
                        .ifPresent(registered -> log.info(
                                "Registered the certificate of signer '{}' ({}, serial {}) for {} {}",
                                id,
                                registered.commonName(),
                                registered.serialNumber(),
                                kind,
                                holder));
            } catch (UserError refused) {
                log.warn(
                        "The certificate of signer '{}' is not registered for {} {}: {}",
                        id,
                        kind,
                        holder,
                        refused.english());
            }
        });
    }

    private static HolderKind holder(String id, SigningSettings.Signer signer) {
        if (signer.person() != null && signer.organisation() != null) {
            throw new IllegalStateException("Signer '" + id + "' has one holder: motcua.signing.signers." + id
                    + ".person or motcua.signing.signers." + id + ".organisation, not both");
        }
        if (signer.person() != null) {
            return HolderKind.PERSON;
        }
        return signer.organisation() != null ? HolderKind.ORGANISATION : null;
    }
}
