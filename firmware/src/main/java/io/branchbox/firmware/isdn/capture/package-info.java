/**
 * D-channel capture: the last LAPD frames of a span, both directions, in a bounded in-memory ring,
 * written on request as a pcap file (LINKTYPE_LINUX_LAPD) that technicians open in Wireshark.
 *
 * <p>Threads: frames are recorded on {@code signalling}; a web request writes the file; they share
 * the ring under a short lock and the file is written outside it.
 *
 * <p>May import: the JDK only.
 */
package io.branchbox.firmware.isdn.capture;
