package dev.dateline.internal.json;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of one input come from: a file (plain or gzip-compressed) or a stream handed in by
 * the caller. A source calls {@link #open()} once, when it first needs the bytes, and closes what it
 * got.
 */
@FunctionalInterface
interface Input {
  InputStream open() throws IOException;
}
