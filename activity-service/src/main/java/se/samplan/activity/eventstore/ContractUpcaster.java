package se.samplan.activity.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import se.samplan.events.EventCatalog;
import se.samplan.events.EventContract;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads events stored at an older contract revision as the current one, with the same JSON steps
 * the Kafka consumers use ({@link EventCatalog}'s upcasters): one definition of each change.
 */
@Component
class ContractUpcaster extends SingleEventUpcaster {

    private final EventCatalog catalog = EventCatalog.standard();
    private final Map<String, Optional<EventContract>> contracts = new ConcurrentHashMap<>();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return contract(representation.getType().getName())
                .filter(contract -> storedRevision(representation) < contract.revision())
                .isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        EventContract contract = contract(representation.getType().getName()).orElseThrow();
        int from = storedRevision(representation);
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), String.valueOf(contract.revision())),
                JsonNode.class,
                payload -> {
                    ObjectNode node = (ObjectNode) payload;
                    for (int revision = from; revision < contract.revision(); revision++) {
                        node = catalog.upcaster(contract.type(), revision).orElseThrow(() -> new IllegalStateException(
                                "No upcaster for " + contract.type())).step().apply(node);
                    }
                    return node;
                });
    }

    private static int storedRevision(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return revision == null ? 1 : Integer.parseInt(revision);
    }

    private Optional<EventContract> contract(String className) {
        return contracts.computeIfAbsent(className, name -> {
            try {
                return Optional.ofNullable(Class.forName(name, false, getClass().getClassLoader())
                        .getAnnotation(EventContract.class));
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        });
    }
}
