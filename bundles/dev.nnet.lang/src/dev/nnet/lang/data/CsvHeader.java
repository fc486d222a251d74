package dev.nnet.lang.data;

import java.util.List;

/**
 * The header of a CSV file and, for small files, the distinct values of one column.
 *
 * @param columns the header's column names, trimmed
 * @param rows    number of data rows, -1 when the file was not read past the header
 * @param distinct distinct values of the requested label column, -1 when not read
 * @param problem  what {@code train} would reject in the file ({@code file:line:column: cause}), null when nothing
 *                 or when the file was not read past the header
 */
public record CsvHeader(List<String> columns, int rows, int distinct, String problem) {
}
