package vn.motcua.catalog;

import java.util.List;
import java.util.Map;

/**
 * One procedure of an import file as read, before any check: texts as given (numbers and choices too, so that a bad
 * value can be named), {@code null} for what the file does not give. Row is 1-based in the file's list or sheet.
 */
record ImportRow(
        int row,
        String code,
        String name,
        String sector,
        String agencyCode,
        String legalTime,
        String timeUnit,
        String fee,
        String sourceNote,
        List<Component> components,
        Settings settings) {

    record Component(String code, String name, String required) {}

    /** How this installation runs the procedure: what the national database does not have. */
    record Settings(
            String processKey,
            String startForm,
            String receptionUnit,
            String handlingUnit,
            String onlineLevel,
            String cutOff,
            String handoffOnly,
            Map<String, String> stepBudgets,
            /** The procedure's own department routes, {role: group}, for its agency. */
            Map<String, String> routes) {

        static final Settings NONE = new Settings(null, null, null, null, null, null, null, null, null);

        /** These settings, each one not given taken from {@code other}. */
        Settings or(Settings other) {
            return new Settings(
                    processKey != null ? processKey : other.processKey,
                    startForm != null ? startForm : other.startForm,
                    receptionUnit != null ? receptionUnit : other.receptionUnit,
                    handlingUnit != null ? handlingUnit : other.handlingUnit,
                    onlineLevel != null ? onlineLevel : other.onlineLevel,
                    cutOff != null ? cutOff : other.cutOff,
                    handoffOnly != null ? handoffOnly : other.handoffOnly,
                    stepBudgets != null ? stepBudgets : other.stepBudgets,
                    routes != null ? routes : other.routes);
        }

        static Settings of(Procedure procedure, Map<String, String> stepBudgets) {
            return new Settings(
                    procedure.processKey(),
                    procedure.startForm(),
                    procedure.receptionUnit(),
                    procedure.handlingUnit(),
                    procedure.onlineLevel().name(),
                    procedure.cutOff() == null ? "" : procedure.cutOff(),
                    String.valueOf(procedure.handoffOnly()),
                    stepBudgets,
                    null);
        }
    }

    ImportRow with(Settings other) {
        return new ImportRow(
                row,
                code,
                name,
                sector,
                agencyCode,
                legalTime,
                timeUnit,
                fee,
                sourceNote,
                components,
                settings.or(other));
    }
}
