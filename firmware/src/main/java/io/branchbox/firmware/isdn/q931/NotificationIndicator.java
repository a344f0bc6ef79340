package io.branchbox.firmware.isdn.q931;

/** Notification indicator (identifier 0x27), mandatory in NOTIFY: e.g. 0 user suspended, 1 resumed. */
public record NotificationIndicator(int description) implements InformationElement {

    public static final int ID = 0x27;

    @Override
    public int identifier() {
        return ID;
    }
}
