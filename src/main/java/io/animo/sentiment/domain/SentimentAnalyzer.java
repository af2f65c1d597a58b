package io.animo.sentiment.domain;

/**
 * Reads the language and sentiment of a text. Every message and ingested mention is analysed when it is stored; the
 * implementation can be replaced (another lexicon, a model) without touching the features that use it.
 */
public interface SentimentAnalyzer {

    /** Texts longer than this are analysed on their first characters only (a message is at most 10,000). */
    int MAX_CHARACTERS = 10_000;

    Sentiment analyze(String text);
}
