"""Conversation state: incremental aggregates, criteria scores, patterns, depth."""
