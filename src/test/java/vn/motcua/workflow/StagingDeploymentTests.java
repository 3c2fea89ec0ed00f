package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.Api;
import vn.motcua.FreshDatabase;
import vn.motcua.OwnApplication;
import vn.motcua.ProxyPort;

/**
 * The staging profile, booted as operators start it: a designer deploys over the engine REST API, and a deployed model
 * passes the build's model checks (departments, forms, documented beans) or is refused with each element named and
 * nothing stored. Citizens still get 403.
 */
@OwnApplication
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mariadb", "demo", "it", "staging"})
@ContextConfiguration(initializers = {FreshDatabase.class, ProxyPort.class})
class StagingDeploymentTests {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aModelThatPassesTheBuildChecksIsDeployedAndStartable() {
        long before = repository.createDeploymentQuery().count();
        Api.Reply reply = deploy("thietke", "staging_ok", """
                <userTask id="Task_Check" name="Kiểm tra hồ sơ" camunda:formRef="form_check_dossier"
                          camunda:formRefBinding="latest" camunda:candidateGroups="phanrang-specialist">
                  <extensionElements><camunda:properties>
                    <camunda:property name="department" value="phanrang-specialist" />
                  </camunda:properties></extensionElements>
                </userTask>
                """);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before + 1);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("staging_ok")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aModelReachingBeyondTheAllowListIsRefusedWithEachElementNamedAndNothingStored() {
        long before = repository.createDeploymentQuery().count();
        Api.Reply reply = deploy("thietke", "staging_bad", """
                <userTask id="Task_Lost" camunda:formRef="form_khong_ton_tai">
                  <extensionElements><camunda:properties>
                    <camunda:property name="department" value="phong-khong-ton-tai" />
                  </camunda:properties></extensionElements>
                </userTask>
                <serviceTask id="Task_Bean" camunda:expression="${runtimeService.deleteProcessInstance('x', 'y')}" />
                """);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.text("messageEn"))
                .contains("staging-check.bpmn#Task_Lost: form form_khong_ton_tai is not in forms/ or in the deployment")
                .contains("staging-check.bpmn#Task_Lost: department phong-khong-ton-tai does not exist")
                .contains("staging-check.bpmn#Task_Bean: bean runtimeService is not on the platform's allow-list");
        assertThat(reply.text("message"))
                .startsWith("Bộ máy quy trình từ chối yêu cầu vì dữ liệu gửi lên không hợp lệ.")
                .contains("Mô hình bị từ chối");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("staging_bad")
                        .count())
                .isZero();
    }

    @Test
    void citizensAndOfficialsWhoAreNotDesignersStillCannotDeploy() {
        long before = repository.createDeploymentQuery().count();
        assertThat(deploy("congdan", "staging_citizen", "").status()).isEqualTo(403);
        assertThat(deploy("pr.truongphong", "staging_head", "").status()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    private Api.Reply deploy(String user, String key, String elements) {
        String model = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="staging">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="Event_Start" />
                    %s
                  </process>
                </definitions>
                """.formatted(key, elements);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", key);
        parts.add("data", Api.file("staging-check.bpmn", model.getBytes(StandardCharsets.UTF_8)));
        return api.post("/engine-rest/deployment/create", user, parts);
    }
}
