package vn.motcua.reception;

import java.util.List;
import java.util.Map;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.NewDossier;

/**
 * The JSON part {@code dossier} of a filing. Files travel as the other multipart parts, each named after the catalogue
 * component it fulfils (e.g. {@code DON}); at the counter, paper components are listed in {@code receivedComponents}.
 */
record FilingRequest(
        String procedureCode,
        NewDossier.Channel channel,
        Applicant applicant,
        String summary,
        Map<String, Object> formData,
        List<String> receivedComponents) {

    FilingRequest withApplicant(Applicant verified) {
        return new FilingRequest(procedureCode, channel, verified, summary, formData, receivedComponents);
    }

    Map<String, Object> formDataOrEmpty() {
        return formData == null ? Map.of() : formData;
    }

    List<String> receivedComponentsOrEmpty() {
        return receivedComponents == null ? List.of() : receivedComponents;
    }
}
