package io.boxwork.annotations.formats;

import io.boxwork.annotations.storage.MalformedFileException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The class names of a YOLO dataset from {@code data.yaml} or {@code classes.txt}. Only the
 * {@code names} shapes YOLO tools write are understood, not YAML at large: the flow list
 * {@code names: [a, b]}, the flow map {@code names: {0: a, 1: b}}, and the block forms
 * ({@code - a} or {@code 0: a} on indented lines below {@code names:}).
 */
final class YoloClassNames {
    private YoloClassNames() {
    }

    static List<String> fromClassesTxt(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String name = line.strip();
            if (!name.isEmpty()) names.add(name);
        }
        return names;
    }

    static List<String> fromDataYaml(Path file) throws IOException {
        return parseDataYaml(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    static List<String> parseDataYaml(Path file, String text) throws MalformedFileException {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            if (!line.startsWith("names:")) continue;
            String rest = line.substring("names:".length()).strip();
            if (rest.startsWith("[") || rest.startsWith("{")) {
                // A flow collection may continue over several lines until it closes.
                StringBuilder flow = new StringBuilder(rest);
                int last = i;
                char close = rest.charAt(0) == '[' ? ']' : '}';
                while (!closes(flow, close) && last + 1 < lines.length) {
                    last++;
                    flow.append(' ').append(stripComment(lines[last]).strip());
                }
                if (!closes(flow, close)) throw new MalformedFileException(file, i + 1, 1, "names", "'" + rest.charAt(0) + "' is never closed");
                return rest.charAt(0) == '[' ? flowList(file, i + 1, flow.toString()) : flowMap(file, i + 1, flow.toString());
            }
            if (!rest.isEmpty()) throw new MalformedFileException(file, i + 1, 8, "names", "expected a list or a map of class names");
            return block(file, lines, i + 1);
        }
        throw new MalformedFileException(file, 0, 0, "names", "no 'names:' entry with the class names");
    }

    private static List<String> block(Path file, String[] lines, int start) throws MalformedFileException {
        List<String> listed = new ArrayList<>();
        TreeMap<Integer, String> mapped = new TreeMap<>();
        for (int i = start; i < lines.length; i++) {
            String raw = stripComment(lines[i]);
            if (raw.isBlank()) continue;
            if (!Character.isWhitespace(raw.charAt(0)) && !raw.startsWith("-")) break;
            String item = raw.strip();
            if (item.startsWith("-")) {
                listed.add(scalar(file, i + 1, item.substring(1).strip()));
            } else {
                putEntry(file, i + 1, item, mapped);
            }
        }
        if (!listed.isEmpty() && !mapped.isEmpty()) {
            throw new MalformedFileException(file, start, 1, "names", "mixes '- name' items and 'index: name' entries");
        }
        return listed.isEmpty() ? denseList(file, start, mapped) : listed;
    }

    private static List<String> flowList(Path file, int line, String flow) throws MalformedFileException {
        List<String> names = new ArrayList<>();
        for (String item : splitFlow(flow.substring(1, flow.lastIndexOf(']')))) {
            if (!item.isBlank()) names.add(scalar(file, line, item.strip()));
        }
        return names;
    }

    private static List<String> flowMap(Path file, int line, String flow) throws MalformedFileException {
        TreeMap<Integer, String> mapped = new TreeMap<>();
        for (String item : splitFlow(flow.substring(1, flow.lastIndexOf('}')))) {
            if (!item.isBlank()) putEntry(file, line, item.strip(), mapped);
        }
        return denseList(file, line, mapped);
    }

    private static void putEntry(Path file, int line, String entry, TreeMap<Integer, String> into) throws MalformedFileException {
        int colon = entry.indexOf(':');
        if (colon < 0) throw new MalformedFileException(file, line, 1, "names", "expected 'index: name', found '" + entry + "'");
        int index;
        try {
            index = Integer.parseInt(entry.substring(0, colon).strip());
        } catch (NumberFormatException e) {
            throw new MalformedFileException(file, line, 1, "names", "class index is not a number in '" + entry + "'");
        }
        if (into.put(index, scalar(file, line, entry.substring(colon + 1).strip())) != null) {
            throw new MalformedFileException(file, line, 1, "names", "class index " + index + " appears twice");
        }
    }

    private static List<String> denseList(Path file, int line, TreeMap<Integer, String> mapped) throws MalformedFileException {
        List<String> names = new ArrayList<>();
        for (var e : mapped.entrySet()) {
            if (e.getKey() != names.size()) {
                throw new MalformedFileException(file, line, 1, "names", "class indices must run 0, 1, 2, ... without gaps; "
                    + "missing " + names.size());
            }
            names.add(e.getValue());
        }
        return names;
    }

    /** A plain, 'single' or "double" quoted scalar. */
    private static String scalar(Path file, int line, String s) throws MalformedFileException {
        String v = s;
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            v = v.substring(1, v.length() - 1).replace("''", "'");
        } else if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (v.isBlank()) throw new MalformedFileException(file, line, 1, "names", "empty class name");
        return v.strip();
    }

    /** Splits a flow collection's inside at commas outside quotes. */
    private static List<String> splitFlow(String inside) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : inside.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ',') {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }

    private static boolean closes(CharSequence flow, char close) {
        char quote = 0;
        for (int i = 0; i < flow.length(); i++) {
            char c = flow.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == close) {
                return true;
            }
        }
        return false;
    }

    /** Drops a {@code # comment} that stands outside quotes. */
    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i).stripTrailing();
            }
        }
        return line.stripTrailing();
    }

    /** The {@code names:} block of a {@code data.yaml}, quoting names YAML would misread. */
    static String toDataYaml(List<String> names) {
        StringBuilder sb = new StringBuilder();
        // No "path:" key: Ultralytics resolves a relative one against its own datasets folder, but
        // without it the folders below are taken relative to this file.
        sb.append("# written by Boxwork\n");
        sb.append("train: images\n");
        sb.append("val: images\n");
        sb.append("nc: ").append(names.size()).append('\n');
        sb.append("names:\n");
        for (int i = 0; i < names.size(); i++) {
            sb.append("  ").append(i).append(": '").append(names.get(i).replace("'", "''")).append("'\n");
        }
        return sb.toString();
    }
}
