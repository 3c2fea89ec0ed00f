package vn.motcua.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Seeds the engine's built-in identity from the realm file in keycloak/ (so Keycloak and the embedded default describe
 * the same people), and grants what each department needs in Tasklist: access, its tasks, the shared task filters. In
 * Keycloak mode nothing is seeded; the grants go to the groups Keycloak has, so both modes authorize alike.
 */
@Component
class DemoIdentity extends AbstractProcessEnginePlugin {

    static final String ADMIN_GROUP = "camunda-admin";
    static final String CITIZENS_GROUP = "citizens";
    static final String DESIGNERS_GROUP = "process-designers";

    private final ResourceLoader resources;
    private final ObjectMapper json;
    private final String realmFile;
    private final boolean seed;

    DemoIdentity(
            ResourceLoader resources,
            ObjectMapper json,
            @Value("${motcua.identity.realm-file}") String realmFile,
            @Value("${motcua.identity.seed}") boolean seed) {
        this.resources = resources;
        this.json = json;
        this.realmFile = realmFile;
        this.seed = seed;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        if (seed) {
            seed(read(), identity);
        }
        // Both identities: the built-in one just seeded, or Keycloak's groups through the plugin (read-only there).
        for (Group group : identity.createGroupQuery().list()) {
            grantDepartment(authorizations, group.getId());
        }
        createTaskFilters(engine, authorizations);
    }

    private static void seed(Realm realm, IdentityService identity) {
        for (Realm.Group group : realm.groups()) {
            if (identity.createGroupQuery().groupId(group.name()).count() == 0) {
                Group created = identity.newGroup(group.name());
                created.setName(group.displayName());
                created.setType("WORKFLOW");
                identity.saveGroup(created);
            }
        }
        for (Realm.User user : realm.people()) {
            if (identity.createUserQuery().userId(user.username()).count() == 0) {
                User created = identity.newUser(user.username());
                created.setFirstName(user.firstName());
                created.setLastName(user.lastName());
                created.setEmail(user.email());
                created.setPassword(user.password());
                identity.saveUser(created);
                user.groupIds().forEach(group -> identity.createMembership(user.username(), group));
            }
        }
    }

    /**
     * Once per group: administrators get everything; officials' departments get Tasklist (heads and leaders also
     * Cockpit); process designers deploy; citizens nothing.
     */
    private static void grantDepartment(AuthorizationService authorizations, String group) {
        boolean granted = authorizations
                        .createAuthorizationQuery()
                        .groupIdIn(group)
                        .resourceType(Resources.APPLICATION)
                        .count()
                > 0;
        if (granted || CITIZENS_GROUP.equals(group)) {
            return;
        }
        if (ADMIN_GROUP.equals(group)) {
            for (Resources resource : Resources.values()) {
                grant(authorizations, group, resource, "*", Permissions.ALL);
            }
        } else {
            boolean designers = DESIGNERS_GROUP.equals(group);
            grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(
                    authorizations,
                    group,
                    Resources.PROCESS_DEFINITION,
                    "*",
                    designers ? Permissions.ALL : Permissions.READ);
            // heads and leaders supervise in Cockpit; they see there only the instances their department worked on
            if (group.endsWith("-head") || group.endsWith("-leader") || designers) {
                grant(authorizations, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            }
            if (designers) {
                grant(authorizations, group, Resources.DEPLOYMENT, "*", Permissions.ALL);
            }
        }
    }

    private static void grant(
            AuthorizationService authorizations, String group, Resource resource, String id, Permission permission) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(id);
        grant.addPermission(permission);
        authorizations.saveAuthorization(grant);
    }

    private static void createTaskFilters(ProcessEngine engine, AuthorizationService authorizations) {
        FilterService filters = engine.getFilterService();
        if (filters.createFilterQuery().filterName("Việc của phòng tôi").count() > 0) {
            return;
        }
        TaskQuery department = engine.getTaskService()
                .createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
        TaskQuery mine = engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}");
        for (Filter filter : new Filter[] {
            filters.newTaskFilter("Việc của phòng tôi")
                    .setQuery(department)
                    .setProperties(listProperties(-10, "Hồ sơ chờ các phòng của tôi xử lý")),
            filters.newTaskFilter("Việc được giao cho tôi")
                    .setQuery(mine)
                    .setProperties(listProperties(0, "Hồ sơ đã giao hoặc đã nhận cho tôi"))
        }) {
            filters.saveFilter(filter);
            Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            everyone.setResource(Resources.FILTER);
            everyone.setResourceId(filter.getId());
            everyone.addPermission(Permissions.READ);
            authorizations.saveAuthorization(everyone);
        }
    }

    /** Tasklist shows the procedure's own name on every card, below the task name with the dossier code. */
    private static Map<String, Object> listProperties(int priority, String description) {
        return Map.of(
                "priority",
                priority,
                "description",
                description,
                "refresh",
                true,
                "variables",
                // the task name carries the whole dossier code (found by typing it into the search)
                List.of(Map.of("name", "procedureName", "label", "Thủ tục")));
    }

    private Realm read() {
        try {
            return Realm.read(resources.getResource(realmFile), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm file " + realmFile, e);
        }
    }
}
