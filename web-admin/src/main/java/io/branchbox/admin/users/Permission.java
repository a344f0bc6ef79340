package io.branchbox.admin.users;

/**
 * One thing a web user may do. Every route of the web admin names exactly one permission it
 * needs (see {@code admin.web.Access#permission}); users get permissions through their roles.
 *
 * <p>Least privilege: a permission is as narrow as one job of one person in the branch. Hearing
 * recordings is its own permission, so a technician who configures the box does not hear the
 * customers unless granted it too.
 */
public enum Permission {
    /** The live status page and the box's health. */
    STATUS_VIEW,
    /** The wallboard: queues, agents, late work orders. */
    WALLBOARD_VIEW,
    /** Reading the configuration document and its revisions. */
    CONFIG_VIEW,
    /** Saving, importing and rolling back the configuration document. */
    CONFIG_EDIT,
    /** The audit trail of configuration changes and security events. */
    AUDIT_VIEW,
    /** Web users: create, disable, reset passwords, change roles. */
    USERS_MANAGE,
    /** Spans, analog lines, channel blocking, D-channel and line captures. */
    DIAGNOSTICS,
    /** Prompt sets: listen, upload, delete, record by phone. */
    PROMPTS_MANAGE,
    /** Listening to and downloading call recordings (every access is logged). */
    RECORDINGS_LISTEN,
    /** Exporting recordings in bulk and setting legal holds. */
    RECORDINGS_MANAGE,
    /** Service figures, reports and their exports. */
    REPORTS_VIEW,
    /** The agent console for the user's own agent. */
    CONSOLE_USE,
    /** Seeing and changing other agents' states; listen, whisper and barge. */
    AGENTS_SUPERVISE,
    /** Work orders: create, enter stages, search. */
    WORKORDERS_USE,
    /** Work orders: reassign, correct, escalate; shift handovers. */
    WORKORDERS_SUPERVISE,
    /** Setting and resetting the repair crews' PINs (stored hashed, never shown). */
    CREW_PINS_MANAGE,
    /** Hearing voicemail messages in the console's inbox, and no other recording (every access is logged). */
    VOICEMAIL_LISTEN,
    /** Scoring calls and drawing sample plans. */
    QA_SCORE,
    /** Scoring forms and the QA bulletins and reports of everyone. */
    QA_MANAGE,
    /** One's own QA results: read, acknowledge, dispute. */
    QA_OWN_RESULTS,
    /** Backup, restore, updates, factory reset. */
    SYSTEM_ADMIN
}
