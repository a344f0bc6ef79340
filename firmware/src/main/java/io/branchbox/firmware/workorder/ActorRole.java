package io.branchbox.firmware.workorder;

/** What a person entering a stage is to the branch; decides which stages they may enter. */
public enum ActorRole {
    /** An agent (坐席) at the console. */
    AGENT,
    /** The lead of a shift (班长): everything an agent may, plus handovers and escalations. */
    LEAD,
    /** A repair crew member (抢修班组), by phone (IVR with the crew PIN) or a phone browser. */
    CREW
}
