package dev.dateline;

import dev.dateline.internal.Dates;
import dev.dateline.internal.json.ArticleJson;
import dev.dateline.internal.json.InputWalker;
import dev.dateline.internal.json.JsonLinesOutput;
import dev.dateline.internal.json.RecordIterator;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads articles from files and streams and writes them as JSON.
 *
 * <h2>Input formats</h2>
 *
 * <ul>
 *   <li>{@code .jsonl} or {@code .ndjson}: JSON Lines, one article object per line; blank lines are
 *       skipped. Each line is parsed on its own, so a broken line never prevents the next one from
 *       being read.
 *   <li>{@code .json}: a JSON array of article objects, or a single article object. A syntax error
 *       ends that file (a JSON parser cannot resynchronise); the records before it are kept.
 *   <li>{@code .txt}: the raw text of one scraped page, parsed by {@link RawArticleParser} (or the
 *       parser given in {@link Options#withRawTextParser}). When the page yields neither an id nor
 *       a url, the id is the file name without {@code .txt}, so re-reading the file replaces the
 *       article instead of duplicating it (two files with the same name in different directories
 *       therefore share an id).
 *   <li>Any of these followed by {@code .gz} ({@code .jsonl.gz}, {@code .ndjson.gz}, {@code
 *       .json.gz}, {@code .txt.gz}): the same format, gzip-compressed; it is decompressed while it is
 *       read (the limits below apply to the decompressed data; the id of a {@code .txt.gz} page
 *       without id or url is the file name without {@code .txt.gz}). Compressed data that is not
 *       valid gzip (a bad header, corrupt or truncated data, a wrong checksum) ends that file with
 *       a {@link Rejected} record {@code file: not valid gzip: ...}; the records read before it are
 *       kept, and other files are read as usual.
 * </ul>
 *
 * Extensions are matched ignoring case. A directory is walked recursively in sorted name order
 * (depth first), picking up the extensions above ({@link #inputFiles} lists what a walk reads);
 * hidden entries (names starting with {@code .}) and symbolic links to directories are skipped. A
 * file named explicitly with another extension is rejected. Input that is not in a file, such as
 * standard input, is read with {@link #stream(InputStream, String, Options)}.
 *
 * <h2>Article fields</h2>
 *
 * An article object has the fields {@code id}, {@code url}, {@code source}, {@code headline},
 * {@code bullets}, {@code body}, {@code byline}, {@code authors}, {@code dateline}, {@code
 * published}, {@code updated}, {@code section}, {@code tags}, {@code captions}, {@code subheads},
 * {@code language}, {@code credits} and {@code entities}, with the meaning of the {@link Article}
 * components of the same names. Reading is lenient where that is harmless and strict where a
 * mistake would silently lose data:
 *
 * <ul>
 *   <li>Unknown fields are ignored; {@code null} counts as absent, also inside arrays. When a
 *       field occurs twice in one object the last occurrence wins.
 *   <li>Where an array of strings is expected, a single string is accepted as a one-element
 *       array. {@code body} is either an array of paragraphs or one string whose paragraphs are
 *       separated by blank lines.
 *   <li>A value of the wrong JSON type (a number where a string is expected, an object where an
 *       array is expected, ...) rejects the record, naming the field and the type found.
 *   <li>{@code published} and {@code updated} are ISO-8601 dates ({@code 2026-02-04}, midnight
 *       UTC) or date-times with or without offset (without one they are UTC); invalid dates such
 *       as {@code 2026-02-30} reject the record.
 *   <li>{@code entities} is an array of {@code {"type": "person"|"place"|"org", "name": ...,
 *       "aliases": [...], "mentions": n}} ({@code aliases} and {@code mentions} optional, mentions
 *       defaulting to 1); entities given in the input are kept as given.
 *   <li>A record without {@code id} gets the stable id of {@link Article#deriveId}: from the url,
 *       else from source, headline and {@code published} as given in the record (a {@linkplain
 *       Options#withDefaultPublished default publication time} does not enter the id, so
 *       re-reading a feed with another default yields the same ids).
 *   <li>C0 control characters other than tab and line feed are removed from all strings (so
 *       {@code \r\n} line ends become {@code \n}); this also applies to raw {@code .txt} text
 *       before it is parsed. A UTF-8 byte order mark at the start of a file is ignored.
 * </ul>
 *
 * <h2>Errors and limits</h2>
 *
 * Reading never throws for bad input: every problem becomes a {@link Rejected} record whose
 * {@link Rejected#location() location} is {@code file:line} (the line where the record starts, or
 * for a syntax error in a {@code .json} file, the line of the error), or just {@code file} when
 * the whole file is concerned (unreadable, unsupported, too large, not valid gzip, or a {@code
 * .txt} page). The file is shown as given: the caller's path, with the relative path inside a
 * walked directory appended (or the name given for a stream). Input is
 * untrusted, so the following limits apply; exceeding one rejects the record, not the file:
 *
 * <ul>
 *   <li>{@link #MAX_NESTING_DEPTH}: JSON nesting; an article needs 4 levels, so deeply nested
 *       input ("nesting bombs") is rejected quickly, without deep recursion.
 *   <li>{@link #MAX_STRING_LENGTH}: any one JSON string, e.g. a body given as a single string.
 *   <li>{@link #MAX_RECORD_LENGTH}: a JSON Lines line or {@code .txt} file in bytes (longer
 *       ones are skipped without being loaded), and the total length of the strings of one record.
 *   <li>Input must be UTF-8; invalid byte sequences reject the record (in {@code .json} files they
 *       end the file, like a syntax error).
 * </ul>
 *
 * <h2>Writing</h2>
 *
 * {@link #toJson(Article)} and {@link JsonLinesWriter} write the field names above; {@code
 * published} and {@code updated} as UTC instants ({@code 2026-02-04T10:00:00Z}), {@code body} as
 * an array of paragraphs, absent values and empty lists omitted, and each entity with all four of
 * its fields. Reading what was written gives an equal article (strings without control
 * characters assumed).
 *
 * <p>All methods are thread-safe; a {@link JsonLinesWriter} and a stream returned by {@link
 * #stream} are for one thread at a time.
 */
public final class ArticleFiles {

  /** Deepest accepted JSON nesting (arrays and objects, counting the article object itself). */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Longest accepted JSON string, in characters (64 Mi: room for a 50 MB body). */
  public static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

  /**
   * Longest accepted record (128 Mi): bytes of a {@code .jsonl} line or a {@code .txt} file, and
   * characters of all strings of one JSON record taken together.
   */
  public static final int MAX_RECORD_LENGTH = 128 * 1024 * 1024;

  private ArticleFiles() {}

  /**
   * One outcome of reading an input file: a {@link Parsed} article or a {@link Rejected} record.
   * Switch over it with pattern matching; there are no other kinds.
   */
  public sealed interface Record permits Parsed, Rejected {
    /**
     * Where the record came from.
     *
     * @return {@code file:line}, or {@code file} for whole-file problems and {@code .txt} pages;
     *     never null
     */
    String location();
  }

  /**
   * An article read successfully.
   *
   * @param article the article
   * @param location {@code file:line} of the line where its record starts ({@code file} alone for
   *     a {@code .txt} page, which is one record)
   */
  public record Parsed(Article article, String location) implements Record {
    /**
     * Checks the parts.
     *
     * @throws NullPointerException if {@code article} or {@code location} is null
     */
    public Parsed {
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(location, "location");
    }
  }

  /**
   * A record (or a whole file) that could not be read.
   *
   * @param location {@code file:line}, or {@code file} when the whole file is concerned
   * @param reason what was wrong, one line, e.g. {@code published: '2026-02-30' is not a valid
   *     ISO-8601 date or date-time: ...} or {@code invalid JSON: ... at column 17}
   */
  public record Rejected(String location, String reason) implements Record {
    /**
     * Checks the parts.
     *
     * @throws NullPointerException if {@code location} or {@code reason} is null
     */
    public Rejected {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(reason, "reason");
    }

    /**
     * The record as one line, ready to print.
     *
     * @return {@code location: reason}
     */
    @Override
    public String toString() {
      return location + ": " + reason;
    }
  }

  /**
   * How to read input files. Immutable; start from {@link #defaults()}.
   *
   * @param defaultPublished publication time for records that have none, or null to leave them
   *     without one; its UTC year should be within 1000..9999, else every record that needs it is
   *     rejected
   * @param rawTextParser turns the text of a {@code .txt} file into an article builder; {@link
   *     RawArticleParser#parse} by default. It may throw {@link DatelineException} (usually {@link
   *     InvalidArticleException}) to reject the file. It must not return null, and any other
   *     exception it throws is not caught: it propagates from the stream that is reading.
   */
  public record Options(
      Instant defaultPublished, Function<String, Article.Builder> rawTextParser) {
    /**
     * Checks the options.
     *
     * @throws NullPointerException if {@code rawTextParser} is null
     */
    public Options {
      Objects.requireNonNull(rawTextParser, "rawTextParser");
    }

    /**
     * The default options: no default publication time; {@code .txt} files parsed by {@link
     * RawArticleParser}.
     *
     * @return the default options
     */
    public static Options defaults() {
      return new Options(null, RawArticleParser::parse);
    }

    /**
     * These options with {@code published} applied to records that have no publication time.
     *
     * @param published the publication time, or null for none (records without one stay undated)
     * @return new options; these are unchanged
     */
    public Options withDefaultPublished(Instant published) {
      return new Options(published, rawTextParser);
    }

    /**
     * These options with a default publication time given as ISO-8601 text, in the forms accepted
     * for {@code published} in input records ({@code 2026-02-04}, {@code 2026-02-04T09:30:00+08:00},
     * ...); null or blank text means none.
     *
     * @param iso the publication time as ISO-8601 text (a date is midnight UTC, a date-time
     *     without offset is UTC), or null or blank for none
     * @return new options; these are unchanged
     * @throws InvalidArticleException naming {@code published} when the text is not a valid date
     *     or its UTC year is outside 1000..9999
     */
    public Options withDefaultPublished(String iso) {
      return withDefaultPublished(Dates.parseArticleDate("published", iso));
    }

    /**
     * These options with another parser for raw {@code .txt} text.
     *
     * @param parser the parser, with the contract of {@code rawTextParser} above
     * @return new options; these are unchanged
     * @throws NullPointerException if {@code parser} is null
     */
    public Options withRawTextParser(Function<String, Article.Builder> parser) {
      return new Options(defaultPublished, parser);
    }
  }

  /**
   * Lists the input files that {@link #stream(Path, Options)} reads from {@code path}, in the order
   * it reads them: for a directory, the files with an input extension below it (see "Input formats"
   * above); for a file, the file itself if its extension is an input extension, else nothing. No
   * file is opened. Useful to tell a directory without input files (an empty list) from files that
   * hold no records.
   *
   * @param path a file or a directory
   * @return the input files, in reading order; unmodifiable, possibly empty
   * @throws IOException if {@code path} does not exist, or it or a directory below it cannot be
   *     read (where {@link #stream} would return a {@link Rejected} record and go on)
   */
  public static List<Path> inputFiles(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    return List.copyOf(InputWalker.inputFiles(path));
  }

  /**
   * Streams the records of a file, or of all input files under a directory, in order. Files are
   * opened one at a time as the stream is consumed, and {@code .jsonl} files are read line by line,
   * so memory use does not grow with file size. Nothing is read until the stream is consumed.
   *
   * <p>The stream holds an open file: close it, best with try-with-resources. Closing may throw
   * {@link java.io.UncheckedIOException} if closing the file fails.
   *
   * @param path a {@code .jsonl}, {@code .ndjson}, {@code .json} or {@code .txt} file (each
   *     optionally gzip-compressed, {@code .gz}), or a directory
   * @param options how to read the records
   * @return a sequential stream of records; problems are {@link Rejected} records, never exceptions
   */
  public static Stream<Record> stream(Path path, Options options) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(options, "options");
    return stream(RecordIterator.of(path, options));
  }

  /**
   * Streams the records of input that is not in a file, such as standard input. The format is
   * chosen by the extension of {@code name} as for files ({@code feed.json}, {@code page.txt.gz}),
   * and is JSON Lines for a name without an input extension, such as {@code -} or {@code
   * <stdin>}. A name ending in {@code .gz} requires gzip data; input under another name is
   * decompressed when it starts with the gzip magic bytes ({@code 1f 8b}), which no JSON or text
   * input starts with. The same rules, limits and errors apply as for files, with {@code name} in
   * place of the file in every {@link Record#location() location} ({@code <stdin>:3}).
   *
   * <p>Nothing is read until the stream is consumed. Closing the returned stream closes {@code
   * in}, whether it was read or not.
   *
   * @param in the input, read from its current position
   * @param name how the input is named in locations; its extension picks the format
   * @param options how to read the records
   * @return a sequential stream of records; problems are {@link Rejected} records, never exceptions
   */
  public static Stream<Record> stream(InputStream in, String name, Options options) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    return stream(RecordIterator.of(in, name, options));
  }

  private static Stream<Record> stream(RecordIterator records) {
    Spliterator<Record> split =
        Spliterators.spliteratorUnknownSize(
            records, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
    return StreamSupport.stream(split, false).onClose(records::closeUnchecked);
  }

  /**
   * Reads all records of {@code path} (see {@link #stream}) and hands each to {@code sink}, in
   * order, then closes the input. An exception thrown by {@code sink} stops reading and propagates.
   *
   * @param path a file or a directory, as for {@link #stream(Path, Options)}
   * @param options how to read the records
   * @param sink receives each record, {@link Parsed} or {@link Rejected}, on the calling thread
   * @throws java.io.UncheckedIOException if closing a file fails
   */
  public static void read(Path path, Options options, Consumer<? super Record> sink) {
    Objects.requireNonNull(sink, "sink");
    try (Stream<Record> records = stream(path, options)) {
      records.forEachOrdered(sink);
    }
  }

  /**
   * Parses one article object from JSON text, with the field rules above and no default
   * publication time.
   *
   * @param json the text of one JSON object
   * @return the article
   * @throws InvalidArticleException naming the field at fault; for text that is not one JSON
   *     object (syntax error, nesting too deep, trailing content) the field is {@code json}
   */
  public static Article parseJson(String json) {
    Objects.requireNonNull(json, "json");
    return ArticleJson.parse(json);
  }

  /**
   * The article as compact one-line JSON (see "Writing" above).
   *
   * @param article the article
   * @return one JSON object, without a line break
   */
  public static String toJson(Article article) {
    Objects.requireNonNull(article, "article");
    return ArticleJson.write(article, false);
  }

  /**
   * The article as indented, multi-line JSON for people to read; same fields as {@link #toJson}.
   *
   * @param article the article
   * @return one JSON object over several lines
   */
  public static String toPrettyJson(Article article) {
    Objects.requireNonNull(article, "article");
    return ArticleJson.write(article, true);
  }

  /**
   * Creates (or truncates) a JSON Lines file for writing articles.
   *
   * @param file the file; its directory must exist
   * @return a writer for one thread, to be closed when done
   * @throws IOException if the file cannot be created
   */
  public static JsonLinesWriter newJsonLinesWriter(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return new JsonLinesWriter(Files.newOutputStream(file));
  }

  /**
   * A JSON Lines writer on {@code out}, which it buffers and closes when it is closed.
   *
   * @param out where to write; the writer takes it over
   * @return a writer for one thread, to be closed when done
   * @throws IOException if the writer cannot be set up on the stream
   */
  public static JsonLinesWriter newJsonLinesWriter(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    return new JsonLinesWriter(out);
  }

  /**
   * Writes articles as JSON Lines in UTF-8: one {@link #toJson} object per line, each line ending
   * in {@code \n}. Efficient for large files (one buffered JSON generator for all articles). Not
   * thread-safe. I/O errors are thrown as {@link IOException}: the caller decides whether a
   * partially written file is acceptable.
   */
  public static final class JsonLinesWriter implements Closeable, Flushable {
    private final JsonLinesOutput output;

    private JsonLinesWriter(OutputStream out) throws IOException {
      this.output = new JsonLinesOutput(new BufferedOutputStream(out, 1 << 16));
    }

    /**
     * Appends one article as one line.
     *
     * @param article the article
     * @throws IOException if writing fails; output is buffered, so a failure may also surface only
     *     at a later write, {@link #flush()} or {@link #close()}
     */
    public void write(Article article) throws IOException {
      Objects.requireNonNull(article, "article");
      output.write(article);
    }

    /**
     * How many articles have been written.
     *
     * @return the number of successful {@link #write} calls so far (written to the buffer, not
     *     necessarily flushed)
     */
    public long count() {
      return output.count();
    }

    /**
     * Writes buffered output to the underlying stream and flushes it.
     *
     * @throws IOException if writing fails
     */
    @Override
    public void flush() throws IOException {
      output.flush();
    }

    /**
     * Flushes and closes the underlying stream.
     *
     * @throws IOException if writing or closing fails
     */
    @Override
    public void close() throws IOException {
      output.close();
    }
  }
}
