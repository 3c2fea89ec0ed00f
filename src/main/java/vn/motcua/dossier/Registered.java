package vn.motcua.dossier;

/** A newly stored dossier: its code and the secret printed on the receipt slip for the applicant's own access. */
public record Registered(String code, String secret) {}
