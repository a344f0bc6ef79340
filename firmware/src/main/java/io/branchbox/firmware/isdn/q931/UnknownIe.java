package io.branchbox.firmware.isdn.q931;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An information element kept as bytes: either not implemented here ({@code invalid} false) or
 * recognised but with contents that do not decode ({@code invalid} true).
 *
 * <p>The contents array is copied in and out; the record is immutable.
 */
public record UnknownIe(int codeset, int identifier, byte[] contents, boolean invalid) implements InformationElement {

    public UnknownIe {
        contents = contents.clone();
    }

    public static UnknownIe unrecognised(int codeset, int identifier, byte[] contents) {
        return new UnknownIe(codeset, identifier, contents, false);
    }

    public static UnknownIe invalid(int identifier, byte[] contents) {
        return new UnknownIe(0, identifier, contents, true);
    }

    @Override
    public byte[] contents() {
        return contents.clone();
    }

    /** Single-octet elements have the high bit set and no contents. */
    public boolean singleOctet() {
        return (identifier & 0x80) != 0;
    }

    /**
     * Whether an unrecognised element of this identifier must be understood (Q.931 4.5.1: codeset
     * 0 identifiers 0000 xxxx are "comprehension required").
     */
    public boolean comprehensionRequired() {
        return !invalid && codeset == 0 && (identifier & 0xF0) == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownIe u && u.codeset == codeset && u.identifier == identifier
                && u.invalid == invalid && Arrays.equals(u.contents, contents);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(contents) * 31 + identifier;
    }

    @Override
    public String toString() {
        return (invalid ? "InvalidIe[" : "UnknownIe[") + "codeset=" + codeset + ", id=0x"
                + Integer.toHexString(identifier) + ", " + HexFormat.of().formatHex(contents) + "]";
    }
}
