package vn.motcua.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Where REST deployment is allowed (profile {@code staging}), every deployment passes {@link DeploymentChecks} before
 * the engine stores it; otherwise it is refused (400 from the engine REST API) naming each file and element.
 */
@Component
class StagingDeployments extends AbstractProcessEnginePlugin {

    private final ApplicationContext application;
    private final boolean enabled;

    StagingDeployments(
            ApplicationContext application, @Value("${motcua.deployments.rest-enabled:false}") boolean enabled) {
        this.application = application;
        this.enabled = enabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!enabled) {
            return;
        }
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new Check());
    }

    private final class Check implements Deployer {

        @Override
        public void deploy(DeploymentEntity deployment) {
            Set<String> forms = buildForms();
            for (ResourceEntity resource : deployment.getResources().values()) {
                if (resource.getName().endsWith(".form")) {
                    forms.add(formId(resource.getBytes()));
                }
            }
            List<String> problems = new ArrayList<>();
            for (ResourceEntity resource : deployment.getResources().values()) {
                if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".bpmn20.xml")) {
                    problems.addAll(DeploymentChecks.problems(
                            resource.getName(),
                            resource.getBytes(),
                            group -> Context.getCommandContext()
                                            .getReadOnlyIdentityProvider()
                                            .createGroupQuery()
                                            .groupId(group)
                                            .count()
                                    > 0,
                            forms,
                            application::containsBean));
                }
            }
            if (!problems.isEmpty()) {
                throw new NotValidException("Mô hình bị từ chối / model refused: " + String.join("; ", problems));
            }
        }
    }

    private static Set<String> buildForms() {
        Set<String> ids = new HashSet<>();
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    ids.add(formId(in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the forms of the build", e);
        }
        return ids;
    }

    private static String formId(byte[] form) {
        try {
            return new ObjectMapper().readTree(form).path("id").asText();
        } catch (IOException notJson) {
            return "";
        }
    }
}
