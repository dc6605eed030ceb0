package no.postmottak.simulator.http;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The JSON body of every error the server writes (unknown path, wrong method, refused guard, knob failures,
 * {@link StatusException}, {@link Response#error}), so that a simulator's errors look like the real service's.
 *
 * @since 1.0.0
 */
@ConsumerType
@FunctionalInterface
public interface ErrorFormat {

    /** {@code {"message": "..."}}, the default (ASP.NET's ApiError shape, as WebSak and Acos answer). */
    ErrorFormat MESSAGE = (request, status, message) -> "{\"message\":" + JsonText.quote(message) + "}";

    /**
     * @param request the request being answered
     * @param status  the HTTP status
     * @param message what went wrong
     * @return a JSON document
     */
    String render(Request request, int status, String message);

    /**
     * @param status an HTTP status
     * @return its reason phrase, e.g. "Not Found", for error bodies that carry one
     */
    static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
