package io.branchbox.firmware.isdn.q931;

import java.util.List;
import java.util.Optional;

/**
 * One Q.931 message (protocol discriminator 0x08): call reference, type and information elements
 * in the order they appear on the wire. Immutable.
 */
public record Q931Message(CallReference callReference, MessageType type, List<InformationElement> elements) {

    public Q931Message {
        elements = List.copyOf(elements);
    }

    public static Q931Message of(CallReference ref, MessageType type, InformationElement... ies) {
        return new Q931Message(ref, type, List.of(ies));
    }

    /** The first element of the given record type, if any. */
    public <T extends InformationElement> Optional<T> find(Class<T> kind) {
        for (InformationElement ie : elements) {
            if (kind.isInstance(ie)) {
                return Optional.of(kind.cast(ie));
            }
        }
        return Optional.empty();
    }

    public boolean has(Class<? extends InformationElement> kind) {
        return find(kind).isPresent();
    }

    @Override
    public String toString() {
        return type + " " + callReference + " " + elements;
    }
}
