/**
 * Outbound calls on the PRI: {@code OutboundDialer} tries spans and channels in the document's
 * order, retries on the causes that allow it and journals each attempt ({@code call.attempt});
 * technicians' channel blocks ({@code ChannelAdmin}) and restarts of stuck channels
 * ({@code StuckChannelDetector}).
 *
 * <p>Thread: {@code signalling}; results come back as futures completed there.
 *
 * <p>May import: {@code trunk}, {@code isdn.q931}, {@code call} (the trunk-call contract),
 * {@code journal}, {@code io.branchbox.time}. Never {@code store}.
 */
package io.branchbox.firmware.trunk.outbound;
