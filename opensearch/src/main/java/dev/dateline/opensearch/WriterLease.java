package dev.dateline.opensearch;

import dev.dateline.IndexException;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * The writer lease of a story index: one document, id = the index's name, in {@link
 * NewsCluster#WRITER_LEASE_INDEX}, created with {@code op_type=create} (so only one client can
 * create it), checked before each write (a real-time get: a client whose lease was taken over
 * stops writing), deleted on release only if it is still this client's ({@code if_seq_no}). Not
 * thread-safe: the caller ({@link NewsCluster}) holds its story lock.
 */
final class WriterLease {
  private final OpenSearchClient client;
  private final String index;
  private final String id = UUID.randomUUID().toString();
  /** The lease document's sequence number and primary term while this client holds it; null otherwise. */
  private long[] held;

  WriterLease(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** This client's writer id, as its lease document records it. */
  String id() {
    return id;
  }

  /**
   * Takes the lease if this client does not hold it (refused if another does), else checks that it
   * still holds it (refused if another took it over).
   *
   * @return true if the lease was taken now (the caller then reloads what it knows of the index)
   * @throws WriterLeaseException if another client holds the lease
   */
  boolean hold() {
    if (held != null) {
      JsonObject holder = read();
      if (holder == null || !id.equals(text(holder, "holder"))) {
        held = null;
        throw new WriterLeaseException(
            "index " + index + ": this client (writer " + id + ") lost its writer lease"
                + (holder == null ? " (the lease was deleted)" : " to " + describe(holder))
                + "; nothing was written",
            index, holder == null ? null : text(holder, "holder"));
      }
      return false;
    }
    createLeaseIndex();
    Answer created = call("PUT", "/_create/" + encode(index), Map.of(), document(), "take the writer lease of " + index);
    if (created.status() == 200 || created.status() == 201) {
      held = sequence(created);
      return true;
    }
    if (created.status() != 409) {
      throw new IndexException("cannot take the writer lease of " + index + ": HTTP " + created.status() + " " + created.body());
    }
    JsonObject holder = read();
    throw new WriterLeaseException(
        "index " + index + " has another writer: "
            + (holder == null ? "a client that released its lease just now (try again)" : describe(holder))
            + " holds its writer lease (one writing client per story index); if that writer is gone, take the"
            + " lease over (NewsCluster.takeOverWriterLease, or dateline-cluster index --take-over)",
        index, holder == null ? null : text(holder, "holder"));
  }

  /** Makes this client the lease's holder, whoever held it. */
  void takeOver() {
    createLeaseIndex();
    Answer r = call("PUT", "/_doc/" + encode(index), Map.of(), document(), "take over the writer lease of " + index);
    if (r.status() != 200 && r.status() != 201) {
      throw new IndexException("cannot take over the writer lease of " + index + ": HTTP " + r.status() + " " + r.body());
    }
    held = sequence(r);
  }

  /** Deletes the lease document if it is still this client's; does nothing if this client holds no lease. */
  void release() {
    long[] h = held;
    if (h == null) {
      return;
    }
    held = null;
    Answer r =
        call("DELETE", "/_doc/" + encode(index),
            Map.of("if_seq_no", String.valueOf(h[0]), "if_primary_term", String.valueOf(h[1])), null,
            "release the writer lease of " + index + " (the next writer must take it over)");
    // 409: another client took the lease over; 404: it was deleted. Either way not ours.
    if (r.status() != 200 && r.status() != 409 && r.status() != 404) {
      throw new IndexException(
          "cannot release the writer lease of " + index + " (the next writer must take it over): HTTP " + r.status()
              + " " + r.body());
    }
  }

  /** The lease document as it is now (real time), or null if there is none. */
  private JsonObject read() {
    Answer r = call("GET", "/_doc/" + encode(index), Map.of("realtime", "true"), null, "read the writer lease of " + index);
    if (r.status() == 404) {
      return null;
    }
    if (r.status() != 200) {
      throw new IndexException("cannot read the writer lease of " + index + ": HTTP " + r.status() + " " + r.body());
    }
    return parse(r.body()).get("_source") instanceof JsonObject o ? o : null;
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  private record Answer(int status, String body) {}

  /** A request to the lease index through the client's generic interface (any HTTP status is an answer). */
  private Answer call(String method, String path, Map<String, String> query, Object body, String what) {
    var b = Requests.builder().method(method).endpoint("/" + NewsCluster.WRITER_LEASE_INDEX + path).query(query);
    if (body != null) {
      b.json(JsonData.of(body).toJson(client._transport().jsonpMapper()).toString());
    }
    try (Response r = client.generic().execute(b.build())) {
      return new Answer(r.getStatus(), r.getBody().map(x -> x.bodyAsString()).orElse(""));
    } catch (IOException e) {
      // The legacy RestClientTransport reports an HTTP error status as an IOException (the
      // low-level client's ResponseException), whose message holds the status line and the body.
      java.util.regex.Matcher m = STATUS_LINE.matcher(String.valueOf(e.getMessage()));
      if (m.find()) {
        return new Answer(Integer.parseInt(m.group(1)), e.getMessage());
      }
      throw new IndexException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  private static final java.util.regex.Pattern STATUS_LINE =
      java.util.regex.Pattern.compile("status line \\[HTTP/[0-9.]+ ([0-9]{3})");

  private JsonObject parse(String json) {
    try (var parser = client._transport().jsonpMapper().jsonProvider().createParser(new java.io.StringReader(json))) {
      parser.next();
      return parser.getObject();
    } catch (RuntimeException e) {
      throw new IndexException("cannot read the writer lease of " + index + ": " + e.getMessage(), e);
    }
  }

  private long[] sequence(Answer a) {
    JsonObject o = parse(a.body());
    return new long[] {o.getJsonNumber("_seq_no").longValue(), o.getJsonNumber("_primary_term").longValue()};
  }

  private Map<String, Object> document() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("holder", id);
    doc.put("index", index);
    doc.put("pid", ProcessHandle.current().pid());
    doc.put("host", host());
    doc.put("acquired", Instant.now().toString());
    return doc;
  }

  private static String describe(JsonObject holder) {
    return "writer " + text(holder, "holder") + " (pid " + text(holder, "pid") + " on " + text(holder, "host")
        + ", since " + text(holder, "acquired") + ")";
  }

  /** A field of the lease document as text (a string's value, a number's digits), or null. */
  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v == null ? null : v instanceof JsonString str ? str.getString() : v.toString();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "an unknown host";
    }
  }

  /** Creates the lease index (one shard, a replica where there is a second node) unless it exists. */
  private void createLeaseIndex() {
    Map<String, Object> body =
        Map.of(
            "settings", Map.of("index.number_of_shards", 1, "index.auto_expand_replicas", "0-1"),
            "mappings",
                Map.of(
                    "dynamic", "strict",
                    "properties",
                        Map.of(
                            "holder", Map.of("type", "keyword"),
                            "index", Map.of("type", "keyword"),
                            "pid", Map.of("type", "long"),
                            "host", Map.of("type", "keyword"),
                            "acquired", Map.of("type", "date"))));
    Answer r = call("PUT", "", Map.of(), body, "create the writer lease index " + NewsCluster.WRITER_LEASE_INDEX);
    if (r.status() != 200 && !r.body().contains("resource_already_exists_exception")) {
      throw new IndexException(
          "cannot create the writer lease index " + NewsCluster.WRITER_LEASE_INDEX + ": HTTP " + r.status() + " " + r.body());
    }
  }
}
