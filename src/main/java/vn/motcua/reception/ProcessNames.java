package vn.motcua.reception;

/** Names that reception shares with the procedure models in bpmn/. */
final class ProcessNames {
    static final String VAR_DOSSIER_CODE = "dossierCode";
    static final String VAR_PROCEDURE_CODE = "procedureCode";
    static final String VAR_PROCEDURE_NAME = "procedureName";
    /** The version of the procedure the dossier was filed under: every step reads that one (workflow). */
    static final String VAR_PROCEDURE_VERSION = "procedureVersion";

    static final String TASK_CHECK_DOSSIER = "Task_CheckDossier";
    static final String VAR_RECEPTION_DECISION = "receptionDecision";
    static final String VAR_RECEPTION_NOTE = "receptionNote";
    static final String MSG_SUPPLEMENT_RECEIVED = "Msg_SupplementReceived";
    static final String MSG_WITHDRAWAL_REQUESTED = "Msg_WithdrawalRequested";

    private ProcessNames() {}
}
