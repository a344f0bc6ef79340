package io.branchbox.admin.users;

import static io.branchbox.admin.users.Permission.AGENTS_SUPERVISE;
import static io.branchbox.admin.users.Permission.AUDIT_VIEW;
import static io.branchbox.admin.users.Permission.CONFIG_EDIT;
import static io.branchbox.admin.users.Permission.CONFIG_VIEW;
import static io.branchbox.admin.users.Permission.CONSOLE_USE;
import static io.branchbox.admin.users.Permission.CREW_PINS_MANAGE;
import static io.branchbox.admin.users.Permission.DIAGNOSTICS;
import static io.branchbox.admin.users.Permission.PROMPTS_MANAGE;
import static io.branchbox.admin.users.Permission.QA_MANAGE;
import static io.branchbox.admin.users.Permission.QA_OWN_RESULTS;
import static io.branchbox.admin.users.Permission.QA_SCORE;
import static io.branchbox.admin.users.Permission.RECORDINGS_LISTEN;
import static io.branchbox.admin.users.Permission.RECORDINGS_MANAGE;
import static io.branchbox.admin.users.Permission.REPORTS_VIEW;
import static io.branchbox.admin.users.Permission.STATUS_VIEW;
import static io.branchbox.admin.users.Permission.SYSTEM_ADMIN;
import static io.branchbox.admin.users.Permission.USERS_MANAGE;
import static io.branchbox.admin.users.Permission.VOICEMAIL_LISTEN;
import static io.branchbox.admin.users.Permission.WALLBOARD_VIEW;
import static io.branchbox.admin.users.Permission.WORKORDERS_SUPERVISE;
import static io.branchbox.admin.users.Permission.WORKORDERS_USE;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A named set of {@link Permission}s that matches one job in the branch. A user holds one or more
 * roles and may do what any of them allows; there is no ranking between roles.
 *
 * <p>Least privilege: the technician configures the box but does not hear recordings; the
 * director reads reports; the quality inspector listens and scores. {@link #SUPERVISOR} is the
 * all-round branch supervisor of earlier releases (shift lead, director and quality inspector in
 * one, plus legal holds); accounts created before roles became sets keep it.
 *
 * <p>Adding a permission means adding it to {@link Permission} and to the roles here, in the same
 * commit. Each role lands on its own page after login ({@link #homePage()}).
 */
public enum Role {
    /** Installs and configures the box, manages users; no recordings unless also granted. */
    TECHNICIAN("/", EnumSet.of(STATUS_VIEW, CONFIG_VIEW, CONFIG_EDIT, AUDIT_VIEW, USERS_MANAGE, DIAGNOSTICS,
            PROMPTS_MANAGE, SYSTEM_ADMIN, CREW_PINS_MANAGE)),
    /** The branch director: service figures and reports, the wallboard. */
    DIRECTOR("/reports", EnumSet.of(STATUS_VIEW, REPORTS_VIEW, WALLBOARD_VIEW)),
    /** The shift lead: wallboard, agent states and monitoring, handover; also takes calls. */
    SHIFT_LEAD("/wallboard", EnumSet.of(STATUS_VIEW, WALLBOARD_VIEW, AGENTS_SUPERVISE, CONSOLE_USE,
            WORKORDERS_USE, WORKORDERS_SUPERVISE, QA_OWN_RESULTS, CREW_PINS_MANAGE, VOICEMAIL_LISTEN)),
    /** The quality inspector: listens to recordings and scores calls. */
    QUALITY_INSPECTOR("/qa", EnumSet.of(STATUS_VIEW, RECORDINGS_LISTEN, QA_SCORE, QA_MANAGE)),
    /** An agent: the own console, own work orders, own QA results. */
    AGENT("/console", EnumSet.of(STATUS_VIEW, CONSOLE_USE, WORKORDERS_USE, QA_OWN_RESULTS, VOICEMAIL_LISTEN)),
    /** Sees the live status only. */
    VIEWER("/", EnumSet.of(STATUS_VIEW)),
    /** The all-round supervisor of earlier releases; kept so that existing accounts keep their rights. */
    SUPERVISOR("/wallboard", EnumSet.of(STATUS_VIEW, CONSOLE_USE, WORKORDERS_USE, QA_OWN_RESULTS, WALLBOARD_VIEW,
            RECORDINGS_LISTEN, RECORDINGS_MANAGE, REPORTS_VIEW, AGENTS_SUPERVISE, WORKORDERS_SUPERVISE, QA_SCORE,
            QA_MANAGE, CREW_PINS_MANAGE, VOICEMAIL_LISTEN));

    private final String homePage;
    private final Set<Permission> permissions;

    Role(String homePage, EnumSet<Permission> permissions) {
        this.homePage = homePage;
        this.permissions = Set.copyOf(permissions);
    }

    /** The permissions this role grants (unmodifiable). */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** Where a user whose first role this is lands after login. */
    public String homePage() {
        return homePage;
    }

    /** The union of the permissions of {@code roles}. */
    public static Set<Permission> permissionsOf(Collection<Role> roles) {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        for (Role role : roles) {
            all.addAll(role.permissions);
        }
        return all;
    }
}
