package vn.motcua.interagency;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Dossiers;

/**
 * What a sender may do here, as the receiving models declare it: a request starts only a process whose message start
 * event names the sender in {@code from}; a reply reaches only a dossier this installation sent a message to that
 * agency for, at an element that names the sender; and the payload carries only the variables the receiving element
 * lists in {@code payload}, never one of the platform's own.
 */
@Component
class Admission {

    static final String FROM = "from";
    static final String PAYLOAD = Handoffs.PAYLOAD;

    /** Variables the platform sets itself: a peer's payload never names them, whatever a model declares. */
    static final Set<String> PLATFORM_VARIABLES = Set.of(
            Inbox.VAR_PROCEDURE_CODE,
            Inbox.VAR_PROCEDURE_NAME,
            Inbox.VAR_DOSSIER_CODE,
            Inbox.VAR_HANDOFF_FROM,
            Inbox.VAR_HANDOFF_AGENCY,
            "receptionDecision",
            "receptionNote",
            "supplementDeadline",
            "deadlineWarning");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    /** A refusal, with its reason in both languages. */
    record Refusal(HttpStatus status, String vietnamese, String english) {}

    /**
     * The outcome: refused, or admitted towards a process definition (a request) or a process instance (a reply;
     * null when nobody waits for it yet, and the message is parked).
     */
    record Decision(Refusal refusal, String processDefinitionId, String processInstanceId) {

        boolean waiting() {
            return processDefinitionId != null || processInstanceId != null;
        }
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final Procedures procedures;
    private final Dossiers dossiers;
    private final OutboxMapper outbox;
    private final InteragencySettings settings;
    private final WallClock clock;

    Admission(
            RepositoryService repository,
            RuntimeService runtime,
            Procedures procedures,
            Dossiers dossiers,
            OutboxMapper outbox,
            InteragencySettings settings,
            WallClock clock) {
        this.repository = repository;
        this.runtime = runtime;
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    Decision decide(Envelope envelope) {
        return envelope.isRequest() ? request(envelope) : reply(envelope);
    }

    private Decision request(Envelope envelope) {
        String sender = envelope.senderAgency();
        if (procedures.find(envelope.procedure()).isEmpty()) {
            return refuse(
                    HttpStatus.FORBIDDEN,
                    "Thủ tục " + envelope.procedure() + " không có trong danh mục của hệ thống nhận.",
                    "The procedure " + envelope.procedure() + " is not in the receiving catalogue.");
        }
        List<ProcessDefinition> starting = repository
                .createProcessDefinitionQuery()
                .messageEventSubscriptionName(envelope.messageName())
                .list();
        Optional<StartEvent> start = starting.size() == 1 ? startEvent(starting.get(0), envelope) : Optional.empty();
        if (start.isEmpty() || !declares(start.get(), FROM, sender, null)) {
            return refuse(
                    HttpStatus.FORBIDDEN,
                    "Không có quy trình nào ở đây nhận yêu cầu " + envelope.messageName() + " từ cơ quan " + sender
                            + ".",
                    "No process here declares that it takes the request " + envelope.messageName() + " from " + sender
                            + " (property 'from' of its message start event).");
        }
        Refusal payload = payload(envelope, List.of(start.get()));
        if (payload != null) {
            return new Decision(payload, null, null);
        }
        if (envelope.dossier() == null && dossiers.find(envelope.dossierCode()).isEmpty()) {
            return refuse(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Hồ sơ " + envelope.dossierCode() + " chưa có ở đây và thông điệp không kèm thông tin hồ sơ"
                            + " (dossier).",
                    "Dossier " + envelope.dossierCode() + " is unknown here and the request carries no dossier"
                            + " block.");
        }
        return new Decision(null, starting.get(0).getId(), null);
    }

    private Decision reply(Envelope envelope) {
        String sender = envelope.senderAgency();
        Optional<java.time.LocalDateTime> asked =
                outbox.firstSent(envelope.dossierCode(), envelope.receiverAgency(), sender);
        if (asked.isEmpty()) {
            return refuse(
                    HttpStatus.FORBIDDEN,
                    "Cơ quan " + envelope.receiverAgency() + " chưa gửi thông điệp nào cho " + sender + " về hồ sơ "
                            + envelope.dossierCode() + ": không nhận thông điệp trả lời này.",
                    envelope.receiverAgency() + " never sent " + sender + " a message about dossier "
                            + envelope.dossierCode() + ": an unsolicited reply is refused.");
        }
        Instant askedAt = clock.instant(asked.get());
        if (envelope.sentAt() != null
                && envelope.sentAt().plus(settings.clockSkew()).isBefore(askedAt)) {
            return refuse(
                    HttpStatus.CONFLICT,
                    "Thông điệp trả lời được gửi (" + envelope.sentAt() + ") trước khi yêu cầu được gửi đi: sai thứ"
                            + " tự, bị từ chối.",
                    "The reply is dated " + envelope.sentAt() + ", before the request it answers was sent (" + askedAt
                            + "): out of order, refused.");
        }
        Map<String, BaseElement> waiting = new LinkedHashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(envelope.dossierCode())
                .list()) {
            if (!envelope.receiverAgency().equals(agencyOf(instance))) {
                // another agency's process of the same dossier (one installation serves several agencies)
                continue;
            }
            for (EventSubscription subscription : runtime.createEventSubscriptionQuery()
                    .processInstanceId(instance.getId())
                    .eventType("message")
                    .eventName(envelope.messageName())
                    .list()) {
                BaseElement element = repository
                        .getBpmnModelInstance(instance.getProcessDefinitionId())
                        .getModelElementById(subscription.getActivityId());
                if (element != null) {
                    waiting.put(instance.getId() + "/" + subscription.getId(), element);
                }
            }
        }
        if (waiting.isEmpty()) {
            return new Decision(null, null, null);
        }
        for (Map.Entry<String, BaseElement> each : waiting.entrySet()) {
            String instanceId = each.getKey().substring(0, each.getKey().indexOf('/'));
            if (!declares(each.getValue(), FROM, sender, instanceId)) {
                return refuse(
                        HttpStatus.FORBIDDEN,
                        "Bước " + each.getValue().getId() + " của hồ sơ " + envelope.dossierCode()
                                + " không nhận thông điệp " + envelope.messageName() + " từ cơ quan " + sender + ".",
                        "The step " + each.getValue().getId() + " of dossier " + envelope.dossierCode()
                                + " does not take " + envelope.messageName() + " from " + sender
                                + " (its property 'from').");
            }
        }
        Refusal payload = payload(envelope, List.copyOf(waiting.values()));
        if (payload != null) {
            return new Decision(payload, null, null);
        }
        Set<String> instances = waiting.keySet().stream()
                .map(key -> key.substring(0, key.indexOf('/')))
                .collect(Collectors.toSet());
        return new Decision(
                null, null, instances.size() == 1 ? instances.iterator().next() : null);
    }

    private String agencyOf(ProcessInstance instance) {
        Object procedure = runtime.getVariable(instance.getId(), Inbox.VAR_PROCEDURE_CODE);
        return procedure == null
                ? null
                : procedures
                        .find(procedure.toString())
                        .map(found -> found.agencyCode())
                        .orElse(null);
    }

    /** The payload names only declared variables, and none of the platform's own. */
    private Refusal payload(Envelope envelope, List<BaseElement> receivers) {
        if (envelope.payload() == null) {
            return null;
        }
        for (Iterator<String> names = envelope.payload().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (PLATFORM_VARIABLES.contains(name)) {
                return new Refusal(
                        HttpStatus.FORBIDDEN,
                        "Dữ liệu liên thông không được ghi biến " + name + " của hệ thống.",
                        "A handoff's payload may not set the platform's own variable " + name + ".");
            }
            for (BaseElement receiver : receivers) {
                if (!listed(property(receiver, PAYLOAD)).contains(name)) {
                    return new Refusal(
                            HttpStatus.FORBIDDEN,
                            "Bước " + receiver.getId() + " không khai báo nhận dữ liệu " + name + ".",
                            "The step " + receiver.getId() + " does not declare the payload variable " + name
                                    + " (its property 'payload').");
                }
            }
        }
        return null;
    }

    /** Whether the element's property lists the agency: literally, as {@code *}, or as a variable of the instance. */
    private boolean declares(BaseElement element, String property, String agency, String instanceId) {
        for (String entry : listed(property(element, property))) {
            Matcher variable = VARIABLE.matcher(entry);
            if (entry.equals("*") || entry.equals(agency)) {
                return true;
            }
            if (variable.matches() && instanceId != null) {
                Object value = runtime.getVariable(instanceId, variable.group(1));
                if (value != null && agency.equals(value.toString().trim())) {
                    return true;
                }
            }
        }
        return false;
    }

    private Optional<StartEvent> startEvent(ProcessDefinition definition, Envelope envelope) {
        return repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(StartEvent.class).stream()
                .filter(start -> start.getEventDefinitions().stream()
                        .filter(MessageEventDefinition.class::isInstance)
                        .map(defined -> ((MessageEventDefinition) defined).getMessage())
                        .anyMatch(message ->
                                message != null && envelope.messageName().equals(message.getName())))
                .findFirst();
    }

    private static String property(BaseElement element, String name) {
        if (element.getExtensionElements() == null) {
            return null;
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()))
                .map(property -> property.getCamundaValue())
                .findFirst()
                .orElse(null);
    }

    private static Set<String> listed(String value) {
        Set<String> names = new HashSet<>();
        if (value != null) {
            Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(names::add);
        }
        return names;
    }

    private static Decision refuse(HttpStatus status, String vietnamese, String english) {
        return new Decision(new Refusal(status, vietnamese, english), null, null);
    }
}
