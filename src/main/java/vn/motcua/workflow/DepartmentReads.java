package vn.motcua.workflow;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * A department that gets a step of a dossier may read that dossier's process instance (Cockpit, REST API) and no
 * other: the engine grants the task itself, this grants the instance it belongs to.
 */
final class DepartmentReads {

    private DepartmentReads() {}

    /** Runs inside the engine command that creates the task; the official who caused it may not grant anything. */
    static void grant(String department, String processInstanceId) {
        CommandContext command = Context.getCommandContext();
        command.runWithoutAuthorization(() -> {
            AuthorizationService authorizations =
                    command.getProcessEngineConfiguration().getAuthorizationService();
            boolean granted = authorizations
                            .createAuthorizationQuery()
                            .groupIdIn(department)
                            .resourceType(Resources.PROCESS_INSTANCE)
                            .resourceId(processInstanceId)
                            .count()
                    > 0;
            if (!granted) {
                Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                read.setGroupId(department);
                read.setResource(Resources.PROCESS_INSTANCE);
                read.setResourceId(processInstanceId);
                read.addPermission(Permissions.READ);
                authorizations.saveAuthorization(read);
            }
            return null;
        });
    }
}
