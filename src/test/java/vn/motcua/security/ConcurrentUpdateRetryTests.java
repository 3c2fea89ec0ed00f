package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * An official completes a task at the very moment something else updates it (as the deadline-warning scan does when
 * it flags the task): the engine refuses the first attempt with an OptimisticLockingException, the platform runs it
 * again, and the official gets 204 instead of a 500. The concurrent update is made to happen, not hoped for: a test
 * listener commits an update of the same task from another thread while the completion is under way.
 */
@IntegrationTest
@Import(ConcurrentUpdateRetryTests.Interference.class)
class ConcurrentUpdateRetryTests {

    @LocalServerPort
    int port;

    @Autowired
    ConcurrentFlag concurrentFlag;

    @Test
    void aCompletionThatMetAConcurrentUpdateIsRunAgainAndSucceeds() {
        Api api = new Api(port);
        var codes = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            Api.Reply filed =
                    api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
            codes.add(filed.text("code"));
        }
        int retriesBefore = ConcurrentUpdateRetry.RETRIES.get();
        for (String code : codes) {
            JsonNode task = api.tasks("pr.tiepnhan", code).get(0);
            String id = task.path("id").asText();
            assertThat(api.claim("pr.tiepnhan", id)).isEqualTo(204);
            Api.Reply completed = api.complete("pr.tiepnhan", id, Map.of("receptionDecision", "accept"));

            assertThat(concurrentFlag.interfered)
                    .as("the concurrent update happened")
                    .contains(id);
            assertThat(completed.status()).as("%s", completed.body()).isEqualTo(204);
            assertThat(api.tasks("pr.truongphong", code))
                    .singleElement()
                    .satisfies(next ->
                            assertThat(next.path("taskDefinitionKey").asText()).isEqualTo("Task_AssignDossier"));
        }
    }

    @TestConfiguration
    static class Interference {
        @Bean
        ConcurrentFlag concurrentFlag(@Lazy TaskService tasks) {
            return new ConcurrentFlag(tasks);
        }
    }

    /** Once per task, while it is being completed, another thread flags it (and commits) before the completion does. */
    static class ConcurrentFlag extends AbstractProcessEnginePlugin {

        final Set<String> interfered = ConcurrentHashMap.newKeySet();
        final TaskService tasks;

        ConcurrentFlag(TaskService tasks) {
            this.tasks = tasks;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            if (configuration.getCustomPostBPMNParseListeners() == null) {
                configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
            }
            configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
                @Override
                public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                    if ("Task_CheckDossier".equals(activity.getId())) {
                        ((UserTaskActivityBehavior) activity.getActivityBehavior())
                                .getTaskDefinition()
                                .addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> {
                                    if (interfered.add(task.getId())) {
                                        CompletableFuture.runAsync(() ->
                                                        tasks.setVariableLocal(task.getId(), "deadlineWarning", true))
                                                .join();
                                    }
                                });
                    }
                }
            });
        }
    }
}
