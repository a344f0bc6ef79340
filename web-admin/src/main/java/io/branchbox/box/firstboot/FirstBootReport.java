package io.branchbox.box.firstboot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the first boot did, kept as {@code first-boot.json} in the data directory and shown by the
 * web admin's system status: the box id made, and the provisioning file found (if any), whether
 * it was applied and, if not, every reason.
 *
 * @param provisioningFile the file found, or "" when none was found
 * @param applied          whether it became the box's configuration
 * @param errors           why it was not applied (each "path: problem"); empty when applied
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FirstBootReport(String at, String boxId, String provisioningFile, boolean applied, List<String> errors) {
    public static final String FILE = "first-boot.json";

    public FirstBootReport {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
