package org.mtb.stack;

import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;

/** What an H2 data type writes for a value, ready to be read back. */
final class StoredForm {

    private StoredForm() {
    }

    static <T> ByteBuffer of(DataType<T> type, T value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return written;
    }
}
