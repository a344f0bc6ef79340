package io.branchbox.admin.system;

import java.util.List;
import java.util.Map;

/**
 * The first-boot wizard's view of the box: open only while nobody has set the admin password (the
 * generated initial one is still in its root-only file). Called on Jetty's request threads.
 */
public interface FirstBootSetup {

    /** What a technician enters. {@code mqttServerUri} empty: no central office for now. */
    record Answers(String siteId, String timezone, String adminPassword, boolean mqttEnabled, String mqttServerUri,
            String mqttUsername) {}

    /** Answers that cannot be applied: one sentence (or catalogue key) per problem; nothing was changed. */
    final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        public Rejected(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Whether the wizard may run: no admin password has been set yet. */
    boolean open();

    /** The box as it is: site id, time zone, box id, certificate fingerprint, network, uplink, time zones. */
    Map<String, Object> current();

    /** Checks everything, then sets the admin password and saves the document as one revision. */
    Map<String, Object> apply(Answers answers) throws Rejected;
}
