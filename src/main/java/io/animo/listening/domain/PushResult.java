package io.animo.listening.domain;

/**
 * The outcome of a push to a webhook source: how many mentions it carried and how many were new; or a refusal with
 * its HTTP status and code.
 */
public record PushResult(int received, int stored, int status, String code, String message) {

    static PushResult refused(int status, String code, String message) {
        return new PushResult(0, 0, status, code, message);
    }

    public boolean accepted() {
        return code == null;
    }
}
