package io.supportplatform.kb.domain;

/**
 * How an article fares in self-help (P14.b): how often it was read, how many readers said it solved their
 * problem or not (one vote per user), and how many tickets were filed although it had been suggested.
 */
public record ArticleFeedback(long views, long helpfulVotes, long notHelpfulVotes, long filedAfterSuggestion) {
}
