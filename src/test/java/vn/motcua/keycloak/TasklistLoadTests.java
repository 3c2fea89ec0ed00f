package vn.motcua.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.Api;

/**
 * With 500 more users in 60 more departments in the realm, the calls Tasklist makes for an official (the department
 * filter's list and count, claim) and the identity queries of Admin answer correctly; the times are printed, not
 * asserted (the machine is shared).
 */
@KeycloakTest
class TasklistLoadTests {

    static final int TASKS_PER_DEPARTMENT = 20;
    static final int[] DEPARTMENTS = {0, 13, 27, 41, 59};
    static final String DEPARTMENT_FILTER = "Việc của phòng tôi";

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Test
    void departmentListAndClaimAnswerForEveryOfficialOfALargeRealm() {
        KeycloakServer keycloak = KeycloakServer.get();
        Api api = new Api(port, user -> "Bearer " + keycloak.token(user));
        List<Long> lists = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Long> claims = new ArrayList<>();
        for (int department : DEPARTMENTS) {
            Set<String> own = createTasks(LoadRealm.department(department));
            String official = LoadRealm.official(department);
            String filter = api.get("/engine-rest/filter?resourceType=Task&name=" + DEPARTMENT_FILTER, official)
                    .body()
                    .get(0)
                    .path("id")
                    .asText();
            for (int round = 0; round < 5; round++) {
                Api.Reply page = timed(
                        lists,
                        () -> api.post(
                                "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
                                official,
                                Map.of()));
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.body()).hasSize(15);
                page.body()
                        .forEach(
                                task -> assertThat(own).contains(task.path("id").asText()));
                Api.Reply count =
                        timed(counts, () -> api.post("/engine-rest/filter/" + filter + "/count", official, Map.of()));
                assertThat(count.body().path("count").asInt()).isEqualTo(TASKS_PER_DEPARTMENT - round);
                String first = page.body().get(0).path("id").asText();
                Api.Reply claimed = timed(
                        claims,
                        () -> api.post("/engine-rest/task/" + first + "/claim", official, Map.of("userId", official)));
                assertThat(claimed.status()).isEqualTo(204);
                taskService.complete(first);
            }
        }
        List<Long> users = new ArrayList<>();
        List<Long> groups = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            Api.Reply page = timed(users, () -> api.get("/engine-rest/user?firstResult=0&maxResults=50", "admin"));
            assertThat(page.body()).hasSize(50);
            Api.Reply all = timed(groups, () -> api.get("/engine-rest/group?firstResult=0&maxResults=100", "admin"));
            assertThat(all.body().size()).isGreaterThanOrEqualTo(LoadRealm.departments());
        }
        System.out.printf(
                "[measured] realm +%d users, +%d departments; engine REST as Tasklist calls it (ms, first/median/max):"
                        + " filter list %s, filter count %s, claim %s; Admin user page %s, group page %s%n",
                LoadRealm.USERS,
                LoadRealm.departments(),
                figures(lists),
                figures(counts),
                figures(claims),
                figures(users),
                figures(groups));
    }

    private Set<String> createTasks(String department) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < TASKS_PER_DEPARTMENT; i++) {
            Task task = taskService.newTask();
            task.setName("Việc thử tải " + (i + 1));
            taskService.saveTask(task);
            taskService.addCandidateGroup(task.getId(), department);
            ids.add(task.getId());
        }
        return ids;
    }

    private static Api.Reply timed(List<Long> times, Supplier<Api.Reply> call) {
        long start = System.nanoTime();
        Api.Reply reply = call.get();
        times.add((System.nanoTime() - start) / 1_000_000);
        return reply;
    }

    private static String figures(List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        return times.get(0) + "/" + sorted.get(sorted.size() / 2) + "/" + sorted.get(sorted.size() - 1);
    }
}
