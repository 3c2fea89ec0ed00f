package vn.motcua.workflow;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/** Engine plugin: a parse listener gives every user task and every status-marked element of every model its behaviour. */
@Component
class PlatformBehaviour extends AbstractProcessEnginePlugin {

    private final StepBehaviour steps;
    private final AssignmentStep assignment;

    PlatformBehaviour(StepBehaviour steps, AssignmentStep assignment) {
        this.steps = steps;
        this.assignment = assignment;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new Listener());
    }

    private class Listener extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            ModelProperties model = ModelProperties.of(element);
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, t -> steps.taskCreated(t, model));
            if (model.has(ModelProperties.ASSIGN_FROM)) {
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, t -> assignment.offer(t, model));
                activity.addBuiltInListener(
                        ExecutionListener.EVENTNAME_END, (ExecutionListener) e -> assignment.check(e, model));
            }
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, t -> steps.taskCompleted(t, model));
            onStatus(element, activity, ExecutionListener.EVENTNAME_START);
        }

        /** A wait for another agency's answer is a timed step of that agency in the dossier's timeline. */
        @Override
        public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            ModelProperties model = ModelProperties.of(element);
            if (model.has(ModelProperties.AGENCY)) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener)
                        execution -> steps.waitStarted(execution, model));
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener)
                        execution -> steps.waitEnded(execution, model));
            }
            onStatus(element, activity, ExecutionListener.EVENTNAME_END);
        }

        @Override
        public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            onStatus(element, activity, ExecutionListener.EVENTNAME_START);
        }

        @Override
        public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            onStatus(element, activity, ExecutionListener.EVENTNAME_START);
        }

        /** A catch event's status holds once the awaited message or timer has come. */
        @Override
        public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            onStatus(element, activity, ExecutionListener.EVENTNAME_END);
        }

        @Override
        public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            onStatus(element, activity, ExecutionListener.EVENTNAME_START);
        }

        @Override
        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            onStatus(element, activity, ExecutionListener.EVENTNAME_START);
        }

        private void onStatus(Element element, ActivityImpl activity, String event) {
            ModelProperties model = ModelProperties.of(element);
            if (model.has(ModelProperties.LEGAL_TIME)) {
                activity.addBuiltInListener(
                        event, (ExecutionListener) execution -> steps.legalTimeChanged(execution, model));
            }
            if (model.has(ModelProperties.DOSSIER_STATUS)) {
                activity.addBuiltInListener(
                        event, (ExecutionListener) execution -> steps.statusReached(execution, model));
            }
        }
    }
}
