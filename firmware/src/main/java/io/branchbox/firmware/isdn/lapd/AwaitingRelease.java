package io.branchbox.firmware.isdn.lapd;

/** State 6: DISC sent, waiting for UA or DM; retried every T200 up to N200 times. */
final class AwaitingRelease implements LinkState {
    private final LapdLink link;

    AwaitingRelease(LapdLink link) {
        this.link = link;
    }

    @Override
    public String name() {
        return "awaiting-release(6)";
    }

    @Override
    public void onT200() {
        if (link.retryCount() >= link.settings().n200()) {
            link.mdlError(MdlError.H);
            link.transition(new TeiAssigned(link), MdlError.H.toString());
            return;
        }
        link.incrementRetryCount();
        link.out().disc();
        link.timers().startT200();
    }

    @Override
    public void onSabme(boolean p) {
        link.out().dm(p);
    }

    @Override
    public void onDisc(boolean p) {
        link.out().ua(p);
    }

    @Override
    public void onUa(boolean f) {
        if (f) {
            link.transition(new TeiAssigned(link), "released");
        } else {
            link.mdlError(MdlError.D);
        }
    }

    @Override
    public void onDm(boolean f) {
        if (f) {
            link.transition(new TeiAssigned(link), "released (peer already disconnected)");
        }
    }
}
