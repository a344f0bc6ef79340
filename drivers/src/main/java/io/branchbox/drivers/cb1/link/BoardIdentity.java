package io.branchbox.drivers.cb1.link;

import io.branchbox.drivers.cb1.msg.Hello;

/**
 * What a HELLO said about the board: kept by the link and reported upward.
 *
 * @param serial   board serial number (as in the USB serial-number string)
 * @param firmware firmware version text
 * @param proto    protocol revision (1 for this datasheet)
 * @param spans    number of E1 spans fitted (0..4)
 * @param fxo      number of FXO ports fitted (0..8)
 * @param headsets number of headset ports fitted (0..16)
 */
public record BoardIdentity(String serial, String firmware, int proto, int spans, int fxo, int headsets) {

    static BoardIdentity from(Hello h) {
        return new BoardIdentity(h.serial(), h.firmware(), h.proto(), h.spans(), h.fxo(), h.headsets());
    }
}
