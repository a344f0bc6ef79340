package io.branchbox.firmware.workorder;

/** How a stage reached the box: on the web admin, or by phone through the crew IVR (the call id is the proof). */
public enum Via { WEB, PHONE }
