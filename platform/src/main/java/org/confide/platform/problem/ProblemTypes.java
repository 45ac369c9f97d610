package org.confide.platform.problem;

/** Stable {@code type} URIs of Confide problems, one per status class. */
public final class ProblemTypes {
    private static final String BASE = "https://confide.example/problems/";

    private ProblemTypes() {}

    public static String forStatus(int status) {
        return BASE
                + switch (status) {
                    case 400 -> "bad-request";
                    case 401 -> "unauthenticated";
                    case 403 -> "forbidden";
                    case 404 -> "not-found";
                    case 405 -> "method-not-allowed";
                    case 406 -> "not-acceptable";
                    case 409 -> "conflict";
                    case 413 -> "payload-too-large";
                    case 414 -> "uri-too-long";
                    case 415 -> "unsupported-media-type";
                    case 422 -> "unprocessable";
                    case 431 -> "header-fields-too-large";
                    default -> status >= 500 ? "server-error" : "http-" + status;
                };
    }
}
