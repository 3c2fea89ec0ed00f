/**
 * Who may do what: HTTP Basic against the engine's identity service for our APIs and the engine REST API on the
 * embedded default, and a login session for the portal's pages there (form login, CSRF token in a cookie), the demo people and departments seeded from the realm file in keycloak/, and the Camunda
 * authorizations that let each department work only on its own tasks.
 */
package vn.motcua.security;
