package vn.motcua;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A free port, the same for the whole test run, as {@code motcua.test.peer-proxy-port}: the integration settings route
 * a test-only peer agency to it, where a test may start a (faulty) proxy in front of the application.
 */
public class ProxyPort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final int PORT = reserve();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addLast(new MapPropertySource("test-proxy-port", Map.of("motcua.test.peer-proxy-port", PORT)));
    }

    private static int reserve() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
