/**
 * The agent console's contract with call control: {@link io.branchbox.firmware.console.AgentConsole}
 * (actions and views), {@link io.branchbox.firmware.console.CallerHistory} (screen-pop history).
 * The web admin depends on these types only, never on call control's internals.
 */
package io.branchbox.firmware.console;
