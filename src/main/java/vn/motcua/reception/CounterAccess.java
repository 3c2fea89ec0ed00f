package vn.motcua.reception;

import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.motcua.api.UserError;
import vn.motcua.dossier.NewDossier;

/** Only reception officers (members of a {@code *-reception} department) take dossiers at the counter. */
@Component
class CounterAccess {

    void check(NewDossier.Channel channel, Principal user) {
        if (channel == NewDossier.Channel.ONLINE || channel == null) {
            return;
        }
        boolean officer = user instanceof Authentication auth
                && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().endsWith("-reception"));
        if (!officer) {
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Chỉ cán bộ tiếp nhận mới được nhập hồ sơ nộp trực tiếp hoặc qua bưu chính.",
                    "Only reception officers may register counter or postal filings.");
        }
    }
}
