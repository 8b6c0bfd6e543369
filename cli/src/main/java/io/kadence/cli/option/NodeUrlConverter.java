package io.kadence.cli.option;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --node} flag: the base URL of a peer's HTTP API, {@code http://host:port}. A bare
 * {@code host:port} means {@code http://host:port}; a trailing slash is dropped.
 */
public final class NodeUrlConverter implements ITypeConverter<URI> {
  @Override
  public URI convert(String value) {
    String text = value.strip();
    if (!text.contains("://")) {
      text = "http://" + text;
    }
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid(value);
    }
    boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
    boolean bare = (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getQuery() == null
        && uri.getFragment() == null && uri.getUserInfo() == null;
    if (!web || uri.getHost() == null || !bare) {
      throw invalid(value);
    }
    return uri;
  }

  private static TypeConversionException invalid(String value) {
    return new TypeConversionException("expected the node's HTTP address like "
        + "http://127.0.0.1:7480, got '" + value + "'");
  }
}
