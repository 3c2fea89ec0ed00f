package vn.motcua.slips;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** What a province prints on its slips: the place in the date line, the parent body and the help line. */
@ConfigurationProperties("motcua.slips")
record SlipSettings(String place, String parentBody, String contactPhone) {}
