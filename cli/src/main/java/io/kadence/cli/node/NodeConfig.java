package io.kadence.cli.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.kadence.cli.CliException;
import io.kadence.cli.Defaults;
import io.kadence.cli.ExitCodes;
import io.kadence.node.settings.NodeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration {@code kadence node} starts a peer with. Layers, highest first: the
 * command-line flags, system properties, the {@code --config} file, the lean settings
 * ({@code --lean}: {@value #LEAN_RESOURCE}), the CLI's port convention
 * ({@code kadence.http.port = 7480}, see {@link Defaults}), and reference.conf.
 *
 * @param settings the peer's settings, read from all layers
 * @param user the flags over the file over the CLI's defaults, for {@code KadenceNode.start}
 */
public record NodeConfig(NodeSettings settings, Config user) {
  /** The class-path resource of {@code --lean}: fewer threads and retained buffers. */
  public static final String LEAN_RESOURCE = "io/kadence/cli/kadence-lean.conf";

  /** Reads the layers, not lean. */
  public static NodeConfig load(Path file, Map<String, Object> flags) {
    return load(file, flags, false);
  }

  /** The lean settings, as a config layer. */
  public static Config lean() {
    return ConfigFactory.parseResources(NodeConfig.class.getClassLoader(), LEAN_RESOURCE,
        ConfigParseOptions.defaults().setAllowMissing(false));
  }

  /**
   * Reads the layers.
   *
   * @param file the {@code --config} file, or null
   * @param flags the flags given, as config paths ({@code kadence.node.port}) to values
   * @param lean whether to add the lean settings below the file
   * @throws CliException {@link ExitCodes#USAGE} naming the missing file or the bad setting
   */
  public static NodeConfig load(Path file, Map<String, Object> flags, boolean lean) {
    Config fromFile = file == null ? ConfigFactory.empty() : parse(file);
    if (lean) {
      fromFile = fromFile.withFallback(lean());
    }
    Config fromFlags = ConfigFactory.parseMap(flags, "command-line flags");
    Config cliDefaults = ConfigFactory.parseMap(
        Map.of("kadence.http.port", Defaults.HTTP_PORT), "kadence command defaults");
    Config user = fromFlags.withFallback(fromFile).withFallback(cliDefaults);
    try {
      Config all = fromFlags.withFallback(ConfigFactory.defaultOverrides())
          .withFallback(fromFile).withFallback(cliDefaults)
          .withFallback(ConfigFactory.defaultReference()).resolve();
      return new NodeConfig(NodeSettings.load(all), user);
    } catch (ConfigException e) {
      throw new CliException(ExitCodes.USAGE, "invalid configuration: " + e.getMessage(), e);
    }
  }

  private static Config parse(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliException(ExitCodes.USAGE, "config file " + file + " does not exist"
          + (Files.exists(file) ? " as a regular file" : ""));
    }
    try {
      return ConfigFactory.parseFile(file.toFile(),
          ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read config file " + file + ": "
          + e.getMessage(), e);
    }
  }
}
