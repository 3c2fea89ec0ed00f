package vn.motcua.nationalportal.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An emulator of the national public service portal (Cổng Dịch vụ công quốc gia, DVCQG) for tests and demos, run as a
 * process of its own: the adapter a province's system logs in to and syncs its dossiers with, the national procedure
 * catalogue, dossiers citizens filed on the portal (pulled, or pushed to the province), and a control API to take it
 * down, slow it, refuse a dossier and read what it received. The wire contract is {@code dvcqg-2019} (OpenCPS v2
 * shape, domain.md §14). Plain JDK HTTP server and Jackson, state in memory only, listening on loopback.
 *
 * <p>{@code java -cp <class path> vn.motcua.nationalportal.emulator.NationalPortalEmulator port=0 port-file=…
 * username=… password=… agencies=a,b catalogue=… push-url=… push-token=… session-ttl-seconds=3600}, see
 * {@link EmulatorSettings}.
 */
public final class NationalPortalEmulator {

    private static final int THREADS = 8;
    private static final Duration BIND_RETRY = Duration.ofSeconds(10);

    private NationalPortalEmulator() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        EmulatorSettings settings = EmulatorSettings.parse(args);
        HttpServer server = bind(settings.port());
        route(server, settings);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        server.setExecutor(threads);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            threads.shutdownNow();
        }));
        int port = server.getAddress().getPort();
        if (settings.portFile().isPresent()) {
            writePort(settings.portFile().get(), port);
        }
        System.out.println("National portal emulator on http://127.0.0.1:" + port);
    }

    private static void route(HttpServer server, EmulatorSettings settings) {
        Sessions sessions = new Sessions(settings.sessionTtl());
        Traffic traffic = new Traffic();
        Ledger ledger = new Ledger();
        Catalogue catalogue = Catalogue.load(settings.catalogue());
        InboundDossiers dossiers = new InboundDossiers();
        Filing filing = new Filing(dossiers, settings.pushUrl().map(url -> new Pusher(url, settings.pushToken())));
        AdapterApi adapter =
                new AdapterApi(settings, sessions, traffic, new PortalServices(ledger, catalogue, dossiers));
        ControlApi control = new ControlApi(traffic, sessions, ledger, catalogue, filing);
        server.createContext("/adapter/", adapter::handle);
        server.createContext("/control/", control::handle);
    }

    /** Binds on loopback; a fixed port just freed by a stopped emulator may take a moment to be free again. */
    private static HttpServer bind(int port) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(BIND_RETRY);
        while (true) {
            try {
                return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            } catch (BindException taken) {
                if (port == 0 || Instant.now().isAfter(deadline)) {
                    throw taken;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void writePort(Path portFile, int port) throws IOException {
        Path written =
                Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"), String.valueOf(port));
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
