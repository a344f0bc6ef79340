/**
 * Scoring forms: versioned sections of items with points, fatal items that zero the score, and a
 * threshold under which the inspector must comment ({@link io.branchbox.firmware.qa.form.ScoringForm});
 * the factory form of a 95598-style hotline ({@link io.branchbox.firmware.qa.form.FactoryForms});
 * and the arithmetic of one score ({@link io.branchbox.firmware.qa.form.Scoring}).
 *
 * <p>Immutable values and pure functions: any thread. Imports only the JDK.
 */
package io.branchbox.firmware.qa.form;
