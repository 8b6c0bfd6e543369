package io.kadence.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.dht.id.Key;
import io.kadence.node.http.AdminToken;
import io.kadence.node.settings.HostPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One peer of a {@link MultiJvmCluster}: a child JVM, controlled through its HTTP API
 * (docs/HTTP-API.md) and through signals. A handle describes one run of the peer; after
 * {@link MultiJvmCluster#restart(int)} the cluster hands out a new handle with the new process
 * and addresses, and the same index, node ID and data dir.
 *
 * <p>HTTP calls fail with an {@link UncheckedIOException} naming the request when the peer does
 * not answer (stopped, paused, or past the cluster's HTTP timeout); other unexpected answers
 * fail with an {@link IllegalStateException} that shows the status and body.
 */
public final class RemotePeer {
  /** Keys per page when {@link #heldKeyIds()} lists a peer's store. */
  private static final int HELD_PAGE = 5_000;

  private final int index;
  private final PeerLine ready;
  private final Path dataDir;
  private final Path log;
  private final PeerProcess process;
  private final PeerHttp http;

  RemotePeer(int index, PeerLine ready, Path dataDir, Path log, PeerProcess process,
      PeerHttp http) {
    this.index = index;
    this.ready = ready;
    this.dataDir = dataDir;
    this.log = log;
    this.process = process;
    this.http = http;
  }

  /** Its place in the cluster's start order; peer 0 started the network. */
  public int index() {
    return index;
  }

  /** Its node ID, 64 hex digits. */
  public String id() {
    return ready.id();
  }

  /** Where other peers reach it. */
  public HostPort address() {
    return ready.peer();
  }

  /** The base of its HTTP API, e.g. {@code http://127.0.0.1:43121/}. */
  public URI httpUri() {
    return URI.create("http://" + ready.http() + "/");
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The file its stdout and stderr go to (shared by its restarts). */
  public Path log() {
    return log;
  }

  /** The process id of its JVM. */
  public long pid() {
    return process.pid();
  }

  /** Whether its JVM runs (paused or not). */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Whether its JVM is stopped by {@link #pause()} and not yet resumed. */
  public boolean isPaused() {
    return process.isPaused();
  }

  /** Its JVM's exit status, once it has exited. */
  public Optional<Integer> exitCode() {
    return process.exitCode();
  }

  /** {@code GET /v1/node}. */
  public PeerInfo info() {
    return PeerInfo.of(expect(http.get("v1/node"), "GET /v1/node", 200).body());
  }

  /** {@code GET /v1/members}: every member its gossip knows, with its reachability. */
  public List<MemberStatus> members() {
    List<MemberStatus> members = new ArrayList<>();
    for (JsonNode m : expect(http.get("v1/members"), "GET /v1/members", 200).body()
        .path("members")) {
      members.add(MemberStatus.of(m));
    }
    return members;
  }

  /** Publishes {@code value} under {@code key} through this peer. */
  public PutAck put(String key, byte[] value) {
    PeerHttp.Reply reply = expect(http.put("v1/keys/" + PeerHttp.segment(key), value),
        "PUT /v1/keys/" + key, 200, 503);
    return PutAck.of(reply.status(), reply.body());
  }

  /**
   * Reads {@code key} through this peer; a key nobody holds gives no values (404). A get that
   * heard from too few of the key's replicas to tell (503 {@code replicas_unreachable}) throws,
   * like any other error answer.
   */
  public GetReply get(String key) {
    PeerHttp.Reply reply = expect(http.get("v1/keys/" + PeerHttp.segment(key)),
        "GET /v1/keys/" + key, 200, 404);
    return GetReply.of(reply.status(), reply.body());
  }

  /**
   * Whether this peer itself holds a live record of {@code key} ({@code GET
   * /v1/local/keys/{key}}): one copy of it, whatever the rest of the network holds.
   */
  public boolean holds(String key) {
    return expect(http.get("v1/local/keys/" + PeerHttp.segment(key)),
        "GET /v1/local/keys/" + key, 200, 404).status() == 200;
  }

  /**
   * The ids ({@link #keyId(String)}) of every key this peer itself holds a live record of,
   * read page by page from {@code GET /v1/local/keys}.
   */
  public Set<String> heldKeyIds() {
    Set<String> ids = new HashSet<>();
    String after = "";
    // Each page but the last holds PAGE keys, so the loop ends within max-records / PAGE + 1.
    for (int pages = 0; after != null && pages < 1_000; pages++) {
      JsonNode page = getJson("v1/local/keys?limit=" + HELD_PAGE + "&after=" + after);
      page.path("page").forEach(k -> ids.add(k.path("keyId").asText()));
      after = page.path("next").isTextual() ? page.path("next").asText() : null;
    }
    return ids;
  }

  /** The id under which peers store the user key {@code key}: SHA-256 of it, 64 hex digits. */
  public static String keyId(String key) {
    return Key.of(key).toHex();
  }

  /**
   * {@code GET} of any path of its API, e.g. {@code v1/routing}, {@code v1/stats},
   * {@code v1/lookup/greeting?trace=true}; the answer if it is 200.
   */
  public JsonNode getJson(String path) {
    return expect(http.get(path), "GET " + path, 200).body();
  }

  /**
   * Leaves gracefully ({@code POST /v1/leave} with its admin token): it hands its records on,
   * leaves the cluster and its JVM exits. Returns the exit status once it has exited.
   *
   * @throws AssertionError if it does not exit within {@code timeout}
   */
  public int leave(Duration timeout) {
    String token;
    try {
      token = AdminToken.read(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    expect(http.post("v1/leave", token), "POST /v1/leave", 202);
    return awaitExit("leave", timeout);
  }

  /**
   * Stops it gracefully with SIGTERM: its shutdown hook leaves as {@link #leave} does. Returns
   * the exit status once it has exited.
   *
   * @throws AssertionError if it does not exit within {@code timeout}
   */
  public int stop(Duration timeout) {
    process.terminate();
    return awaitExit("SIGTERM", timeout);
  }

  /** Crashes it: SIGKILL, no leave, no hand-off. Returns once the JVM is gone. */
  public int kill() {
    return process.kill();
  }

  /**
   * Freezes its JVM with SIGSTOP, as a long GC pause or a suspended VM would: it answers
   * nothing until {@link #resume()}. Linux and macOS only (it runs {@code kill -STOP}).
   */
  public void pause() {
    process.pause();
  }

  /** Lets a paused JVM run on (SIGCONT). */
  public void resume() {
    process.resume();
  }

  private int awaitExit(String after, Duration timeout) {
    return process.awaitExit(timeout).orElseThrow(() -> new AssertionError(this + " still runs "
        + timeout + " after " + after + "; log " + log.toAbsolutePath() + " ends with:\n"
        + process.tail()));
  }

  private PeerHttp.Reply expect(PeerHttp.Reply reply, String what, int... statuses) {
    for (int status : statuses) {
      if (reply.status() == status) {
        return reply;
      }
    }
    throw new IllegalStateException(what + " on " + this + " answered " + reply.status() + ": "
        + reply.body());
  }

  PeerProcess process() {
    return process;
  }

  /** {@code peer-<index> <short id>@<address> (pid, state)}. */
  @Override
  public String toString() {
    String state = isPaused() ? "paused" : exitCode().map(c -> "exited " + c).orElse("running");
    return "peer-" + index + " " + id().substring(0, 8) + "@" + address() + " (pid " + pid()
        + ", " + state + ")";
  }
}
