package vn.motcua.nationalportal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The link with the National Public Service Portal (README "Cổng Dịch vụ công quốc gia").
 *
 * @param url the portal's integration adapter, e.g. {@code https://…/}; empty = no link: nothing is queued or sent
 * @param unit the electronic code of the unit this installation logs in as ({@code dstcode}, {@code madonvi})
 * @param username the integration account
 * @param password its password (from the environment)
 * @param mapping the version of the field mapping in force ({@link PortalMapping#VERSIONS})
 * @param poll how often the sync looks for rows to send (one node of the cluster at a time)
 * @param batch records or progress items per call
 * @param timeout connect and answer time limit of one call
 * @param backoffMax longest wait after the portal was unreachable (doubling from {@code poll})
 * @param inbound how dossiers filed on the portal are fetched: {@code none} or {@code poll} (LayHoSoMoi); pushes are
 *     taken whenever a {@code pushToken} is set (the portal posts them to {@code /api/national-portal/dossiers})
 * @param inboundPoll how often {@code poll} asks
 * @param pushToken the shared token the portal's pushes carry in {@code X-Portal-Token}
 */
@ConfigurationProperties("motcua.national-portal")
record NationalPortalSettings(
        String url,
        String unit,
        String username,
        String password,
        String mapping,
        Duration poll,
        Integer batch,
        Duration timeout,
        Duration backoffMax,
        String inbound,
        Duration inboundPoll,
        String pushToken) {

    NationalPortalSettings {
        url = url == null ? "" : url.strip();
        mapping = mapping == null || mapping.isBlank() ? Dvcqg2019Mapping.VERSION : mapping.strip();
        poll = poll == null ? Duration.ofSeconds(2) : poll;
        batch = batch == null || batch < 1 ? 100 : Math.min(batch, 200);
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        backoffMax = backoffMax == null ? Duration.ofMinutes(1) : backoffMax;
        inbound = inbound == null || inbound.isBlank() ? "none" : inbound.strip();
        inboundPoll = inboundPoll == null ? Duration.ofSeconds(10) : inboundPoll;
    }

    boolean linked() {
        return !url.isEmpty();
    }

    boolean polls() {
        return linked() && "poll".equals(inbound);
    }

    boolean acceptsPush() {
        return linked() && pushToken != null && !pushToken.isBlank();
    }
}
