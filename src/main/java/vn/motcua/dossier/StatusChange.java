package vn.motcua.dossier;

import java.time.LocalDateTime;

public record StatusChange(
        DossierStatus status, LocalDateTime changedAt, String actor, String publicText, String note) {}
