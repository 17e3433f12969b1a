"""The engine: events in, explained decisions out, state kept in a store."""
