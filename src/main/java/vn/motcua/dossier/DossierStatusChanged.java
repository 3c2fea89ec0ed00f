package vn.motcua.dossier;

import java.time.LocalDateTime;

/**
 * A dossier moved from one national status to another (durable event, in the engine step's transaction); {@code
 * actor} is the user id of the official, or null when the process itself moved it.
 */
public record DossierStatusChanged(
        String dossierCode, DossierStatus from, DossierStatus to, LocalDateTime changedAt, String actor) {}
