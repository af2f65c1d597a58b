package io.animo.listening.domain;

import java.util.List;

/**
 * What a fetch of a feed gave: its entries (FETCHED), nothing new (NOT_MODIFIED, the server honoured the ETag or
 * date), or an error (FAILED) with a short code and message fit for the source's page.
 */
public record Fetched(String outcome, Integer httpStatus, List<Entry> entries, String etag, String lastModified,
        String error) {

    static Fetched fetched(int status, List<Entry> entries, String etag, String lastModified) {
        return new Fetched("FETCHED", status, entries, etag, lastModified, null);
    }

    static Fetched notModified(String etag, String lastModified) {
        return new Fetched("NOT_MODIFIED", 304, List.of(), etag, lastModified, null);
    }

    static Fetched failed(Integer status, String error) {
        return new Fetched("FAILED", status, List.of(), null, null, error);
    }

    boolean ok() {
        return !"FAILED".equals(outcome);
    }
}
