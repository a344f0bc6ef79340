package io.branchbox.firmware.workorder;

/** Where the fault is, for the arrival deadline: in town (城区) or rural (农村). */
public enum Area { TOWN, RURAL }
