package vn.motcua.sla;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.motcua.calendar.Deadlines;

@Configuration
@EnableScheduling
class SlaConfiguration {

    /** Deadline arithmetic on the calendar in force at each call, so a reload applies to the next computation. */
    @Bean
    Deadlines deadlines(Calendars calendars) {
        return Deadlines.following(calendars::current);
    }
}
