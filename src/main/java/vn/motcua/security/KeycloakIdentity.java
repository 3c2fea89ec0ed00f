package vn.motcua.security;

import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Keycloak mode: the engine reads users and groups (departments) from Keycloak through the Camunda Keycloak plugin;
 * settings under {@code motcua.keycloak.identity} (caches on, so that Tasklist does not call Keycloak per row).
 */
@Component
@Profile("keycloak")
@ConfigurationProperties(prefix = "motcua.keycloak.identity")
class KeycloakIdentity extends KeycloakIdentityProviderPlugin {}
