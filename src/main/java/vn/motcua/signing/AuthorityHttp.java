package vn.motcua.signing;

import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.util.TimeValue;

/**
 * DSS's HTTP loader for a certificate authority's services (OCSP, CRL, timestamps) with one HTTP client kept for all
 * its calls. DSS's {@link CommonsDataLoader} builds a client, with its connection pool and TLS context, for every
 * request and closes it after: in the benchmark's profile that was 2.4 % of a lifecycle's CPU, under a lock all
 * signing threads share, and a new connection to the authority each time. DSS's handling of answers, errors, content
 * types (those of its OCSPDataLoader and TimestampDataLoader) and timeouts is kept; the pool allows as many calls at
 * once to one authority as Tomcat has threads for requests.
 */
final class AuthorityHttp extends CommonsDataLoader {

    private static final int CALLS_AT_ONCE = 200;

    private CloseableHttpClient client; // guarded by this: DSS's getHttpClient is synchronized

    private AuthorityHttp(String contentType) {
        super(contentType);
        setConnectionsMaxTotal(CALLS_AT_ONCE);
        setConnectionsMaxPerRoute(CALLS_AT_ONCE);
    }

    static OnlineOCSPSource ocsp() {
        return new OnlineOCSPSource(new AuthorityHttp("application/ocsp-request"));
    }

    static OnlineCRLSource crl() {
        return new OnlineCRLSource(new AuthorityHttp(null));
    }

    static OnlineTSPSource timestamps(String url) {
        return new OnlineTSPSource(url, new AuthorityHttp("application/timestamp-query"));
    }

    @Override
    protected synchronized CloseableHttpClient getHttpClient(String url) {
        // no credentials or proxy per host are configured: one client serves every URL
        if (client == null) {
            client = super.getHttpClient(url);
        }
        return client;
    }

    /**
     * DSS's pool with a check, before a connection idle for a second is used again, that the authority has not closed
     * it meanwhile (an OCSP or timestamp request is a POST, which the client does not retry on a dead connection).
     */
    @Override
    protected HttpClientConnectionManager getConnectionManager() {
        PoolingHttpClientConnectionManager pool = (PoolingHttpClientConnectionManager) super.getConnectionManager();
        pool.setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(getTimeoutConnection(), TimeUnit.MILLISECONDS)
                .setTimeToLive(getConnectionTimeToLive(), TimeUnit.MILLISECONDS)
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .build());
        return pool;
    }

    @Override
    protected void closeQuietly(HttpUriRequestBase request, CloseableHttpClient used) {
        // DSS's response handler has read the answer whole, which gives the connection back to the pool: the client
        // stays for the next call
    }
}
