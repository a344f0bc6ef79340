/**
 * Scoring forms: versioned sections of items with points, fatal items that zero the score, and a
 * threshold under which the inspector must comment ({@link io.branchbox.firmware.qa.form.ScoringForm});
 * the factory form of a 95598-style hotline ({@link io.branchbox.firmware.qa.form.FactoryForms});
 * the arithmetic of one score ({@link io.branchbox.firmware.qa.form.Scoring}); a form as the quality
 * staff submit it, checked field by field ({@link io.branchbox.firmware.qa.form.FormDraft},
 * {@link io.branchbox.firmware.qa.form.FormProblem}, {@link io.branchbox.firmware.qa.form.FormRule});
 * and a saved version with who and when ({@link io.branchbox.firmware.qa.form.FormVersion}).
 *
 * <p>Immutable values and pure functions: any thread. Imports only the JDK.
 */
package io.branchbox.firmware.qa.form;
