package io.kadence.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.client.ApiException;
import io.kadence.cli.client.Json;
import io.kadence.cli.client.NodeClient;
import io.kadence.cli.option.HelpOption;
import io.kadence.cli.option.NodeOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that asks a running peer through its HTTP API and prints the reply: as text for
 * people, or with {@code --json} as the API's JSON for scripts (also for an error reply, which
 * then goes to stdout too, while the one-line message goes to stderr). The one-shot commands
 * and the shell run the same subclasses, so their output is the same.
 */
public abstract class ClientCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private NodeOptions options;

  @Mixin
  private HelpOption help;

  @Override
  public final Integer call() {
    NodeClient client = new NodeClient(options.node());
    PrintWriter out = spec.commandLine().getOut();
    JsonNode reply;
    try {
      reply = request(client);
    } catch (ApiException e) {
      if (options.json()) {
        out.println(Json.compact(e.body()));
        out.flush();
      }
      throw e;
    }
    if (options.json()) {
      out.println(Json.compact(reply));
    } else {
      print(reply, out);
    }
    out.flush();
    return exitCode(reply);
  }

  /** The base URL of the peer asked. */
  protected final String nodeUrl() {
    return options.node().toString();
  }

  /** Sends this command's request and returns the reply; errors are thrown as CliExceptions. */
  protected abstract JsonNode request(NodeClient client);

  /** Prints a successful reply for people. */
  protected abstract void print(JsonNode reply, PrintWriter out);

  /** The exit code of a successful reply; {@link ExitCodes#OK} unless overridden. */
  protected int exitCode(JsonNode reply) {
    return ExitCodes.OK;
  }
}
