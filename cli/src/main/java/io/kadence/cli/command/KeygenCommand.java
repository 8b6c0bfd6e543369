package io.kadence.cli.command;

import io.kadence.cli.CliException;
import io.kadence.cli.ExitCodes;
import io.kadence.cli.option.HelpOption;
import io.kadence.crypto.key.KeyFileException;
import io.kadence.crypto.key.KeyFiles;
import io.kadence.crypto.key.NodeKeyPair;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keygen --out FILE}: creates a node identity, an Ed25519 key pair whose node ID is
 * SHA-256 of the public key (DESIGN.md, "Identity"), in an owner-only key file. Never replaces
 * an existing file: a new key is a new node.
 */
@Command(name = "keygen", description = {"Create a node identity key file.",
    "Copy it to <data-dir>/node.key before the peer's first start to choose its identity."})
public final class KeygenCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private HelpOption help;

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "Where to write the key; an existing file is never replaced.")
  private Path out;

  @Override
  public Integer call() {
    Path parent = out.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new CliException(ExitCodes.USAGE, "cannot write " + out + ": directory " + parent
          + " does not exist");
    }
    NodeKeyPair pair = NodeKeyPair.generate(new SecureRandom());
    try {
      KeyFiles.save(out, pair);
    } catch (KeyFileException e) {
      throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot write " + out + ": " + e, e);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.println("node id " + HexFormat.of().formatHex(pair.nodeId()));
    w.println("wrote " + out + " (readable by its owner only)");
    w.flush();
    return ExitCodes.OK;
  }
}
