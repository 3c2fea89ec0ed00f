package vn.motcua;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** One-stop shop for administrative procedures: every procedure is a BPMN process on the embedded engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MotCuaApplication {

    public static void main(String[] args) {
        SpringApplication.run(MotCuaApplication.class, args);
    }

    /**
     * Vietnam local time: reception times, appointments and deadlines are all counted in it. It reads the engine's
     * clock, so that timers, due dates and our own records agree, also in tests that move the engine's clock.
     */
    @Bean
    Clock clock(@Value("${motcua.zone}") String zone) {
        return new EngineClock(ZoneId.of(zone));
    }
}
