package vn.motcua.dossier;

import java.util.List;

/** A dossier's status changes and handling steps, each list in the order it was written. */
public record Timeline(List<StatusChange> statusChanges, List<Step> steps) {}
