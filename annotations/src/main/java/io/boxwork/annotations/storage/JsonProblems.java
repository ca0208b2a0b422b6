package io.boxwork.annotations.storage;

import java.util.regex.Pattern;

/**
 * Gson's syntax-error text rewritten for the person whose file it is: without the exception class
 * names, the troubleshooting link, and the advice to make the parser lenient (which is for the
 * programmer; the person needs to know what is wrong at that spot).
 */
public final class JsonProblems {
    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-z]\\w*\\.)+\\w*(?:Exception|Error):\\s*");
    private static final Pattern LENIENT_ADVICE = Pattern.compile(
        "Use JsonReader\\.set(?:Strictness\\(Strictness\\.LENIENT\\)|Lenient\\(true\\)) to accept malformed JSON");

    private JsonProblems() {
    }

    /** The problem part of a Gson message (the text before its position), cleaned; never empty. */
    public static String describe(String gsonProblem) {
        String p = gsonProblem == null ? "" : gsonProblem;
        int link = p.indexOf("See https://");
        if (link >= 0) p = p.substring(0, link);
        String previous;
        do {
            previous = p;
            p = CLASS_PREFIX.matcher(p.trim()).replaceFirst("");
        } while (!p.equals(previous));
        p = LENIENT_ADVICE.matcher(p).replaceAll("not standard JSON here (an unquoted word, a single-quoted string, "
            + "a comment or a stray character)");
        p = p.replaceAll("\\s*at\\s*$", "").trim();
        return p.isEmpty() ? "malformed JSON" : p;
    }
}
