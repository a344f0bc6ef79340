/**
 * The service figures the branch is judged on (docs/KPIS.md): each KPI defined once
 * ({@link io.branchbox.firmware.kpi.Kpi}, its counts {@link io.branchbox.firmware.kpi.Count}),
 * folded from the journal into day books ({@link io.branchbox.firmware.kpi.KpiLedger}), kept as
 * daily roll-ups on disk ({@link io.branchbox.firmware.kpi.DayRollups}) and reported for any
 * period by agent, queue or shift ({@link io.branchbox.firmware.kpi.KpiReports}).
 *
 * <p>Threads: the ledger is fed on {@code journal-writer} (as a journal listener) or on the thread
 * that replays a journal; reports are read from any thread (Jetty, the CLI, the uplink timer).
 * Nothing here runs on {@code signalling} or the audio path.
 *
 * <p>May import {@code journal}, {@code stats} (the call and agent trackers), {@code store} (the
 * event vocabulary), {@code config}, {@code qa.QaCompletion} (QA completion's one definition) and
 * Jackson; nothing of call control or the web.
 */
package io.branchbox.firmware.kpi;
