package io.kadence.cli.format;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with left-aligned columns two spaces apart, as the human output of the
 * commands prints routing tables, members and records. Trailing blanks are trimmed.
 */
public final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  /** A table with these column headings (no heading row if {@code headings} are all empty). */
  public Table(String... headings) {
    this.columns = headings.length;
    boolean any = false;
    for (String h : headings) {
      any |= !h.isEmpty();
    }
    if (any) {
      rows.add(headings);
    }
  }

  /** Adds a row; {@code null} cells print empty. */
  public Table row(Object... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
    }
    String[] text = new String[columns];
    for (int i = 0; i < columns; i++) {
      text[i] = cells[i] == null ? "" : cells[i].toString();
    }
    rows.add(text);
    return this;
  }

  /** Prints the table, each line prefixed by {@code indent}. */
  public void print(PrintWriter out, String indent) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** Prints the table with no indent. */
  public void print(PrintWriter out) {
    print(out, "");
  }
}
