package io.branchbox.box;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A file system that runs out of space after {@code limit} bytes: ENOSPC while writing (backup and update tests). */
public final class FullDisk extends FilterOutputStream {
    private long left;

    public FullDisk(OutputStream out, long limit) {
        super(out);
        this.left = limit;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > left) {
            throw new IOException("No space left on device");
        }
        left -= len;
        out.write(b, off, len);
    }
}
