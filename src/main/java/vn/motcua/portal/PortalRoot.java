package vn.motcua.portal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The site's root opens the public portal (citizens come first); the Camunda web apps stay at /camunda/app/. */
@Configuration
class PortalRoot implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/portal/index.html");
    }
}
