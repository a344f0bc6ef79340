/**
 * Test support shared by every module through drivers' test jar: generated inputs ({@link
 * io.branchbox.testkit.Gen}) and the runner of property and fuzz tests ({@link
 * io.branchbox.testkit.Tries}). Runs on the test's own thread; imports only the JDK.
 */
package io.branchbox.testkit;
