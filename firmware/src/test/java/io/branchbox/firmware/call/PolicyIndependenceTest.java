package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the policies (and the flows that carry out their decisions) free of the call manager and
 * the call context by the build: no field, constructor or method of theirs, nor of their nested
 * types, holds or takes either. What they need of call control goes through their own ports
 * (docs/ARCHITECTURE.md, "Policies").
 */
class PolicyIndependenceTest {
    private static final Set<Class<?>> FORBIDDEN = Set.of(CallManager.class, CallContext.class);

    @ParameterizedTest
    @ValueSource(classes = {IvrPolicy.class, IvrFlow.class, QueuePolicy.class, QueueFlow.class, TransferPolicy.class,
            Callbacks.class, Survey.class, Announcements.class})
    void holdsNeitherTheCallManagerNorTheCallContext(Class<?> policy) {
        List<String> found = new ArrayList<>();
        check(policy, found);
        assertEquals(List.of(), found, policy.getSimpleName() + " reaches call control only through its ports");
    }

    @Test
    void theCheckSeesTheContextWhereItIsTaken() {
        List<String> found = new ArrayList<>();
        check(PolicyPorts.class, found);
        assertTrue(found.contains("PolicyPorts.ivr(CallContext)") && found.contains("PolicyPorts.ivr(CallManager)"), found.toString());
    }

    private static void check(Class<?> type, List<String> found) {
        for (Field f : type.getDeclaredFields()) {
            if (FORBIDDEN.contains(f.getType())) {
                found.add(type.getSimpleName() + "." + f.getName());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            for (Class<?> p : c.getParameterTypes()) {
                if (FORBIDDEN.contains(p)) {
                    found.add(type.getSimpleName() + "(" + p.getSimpleName() + ")");
                }
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            for (Class<?> p : m.getParameterTypes()) {
                if (FORBIDDEN.contains(p)) {
                    found.add(type.getSimpleName() + "." + m.getName() + "(" + p.getSimpleName() + ")");
                }
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            check(nested, found);
        }
    }
}
